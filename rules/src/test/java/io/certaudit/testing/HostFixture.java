package io.certaudit.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.certaudit.catalog.BuiltInRules;
import io.certaudit.engine.AuditResult;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleEngine;
import io.certaudit.model.AccessFacts;
import io.certaudit.model.HostSnapshot;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.Tristate;
import io.certaudit.model.SourceProblem;
import io.certaudit.model.StoredCertificate;

/**
 * A host put together in a test: certificates placed in stores, then audited with the built-in catalogue.
 *
 * <pre>{@code
 * AuditResult result = new HostFixture().add(StoreName.ROOT, root).addWithKey(leaf).audit();
 * }</pre>
 */
public final class HostFixture {

    private final HostSnapshot.Builder builder = HostSnapshot.builder("test-host", "test fixture");
    private AuditSettings settings = AuditSettings.defaults();
    private Instant at = TestPki.NOW;

    public HostFixture add(StoreName store, TestPki.Issued... certificates) {
        for (TestPki.Issued certificate : certificates) {
            StoredCertificate stored = certificate.in(store);
            builder.add(store == StoreName.MY ? stored.withPrivateKey(PrivateKeyFacts.absent("test: no key"))
                    : stored);
        }
        return this;
    }

    /** Adds a Personal certificate whose private key is present. */
    public HostFixture addWithKey(TestPki.Issued certificate) {
        builder.add(certificate.in(StoreName.MY).withPrivateKey(PrivateKeyFacts.inFile("test.key", "test key")));
        return this;
    }

    public HostFixture add(StoredCertificate certificate) {
        builder.add(certificate);
        return this;
    }

    /** The usual good host: root in ROOT, intermediate in CA, the leaf with its key in MY. */
    public HostFixture chain(TestPki.Issued root, TestPki.Issued intermediate, TestPki.Issued leaf) {
        return add(StoreName.ROOT, root).add(StoreName.CA, intermediate).addWithKey(leaf);
    }

    /** Adds a certificate found in a user's Personal store rather than the machine's. */
    public HostFixture userStoreCertificate(StoredCertificate certificate) {
        builder.userStoreCertificate(certificate);
        return this;
    }

    public HostFixture problem(StoreName store, String origin, String message) {
        builder.problem(store, origin, message);
        return this;
    }

    /** Records a source problem of the given kind (a store that could not be read to its end, ...). */
    public HostFixture problem(SourceProblem problem) {
        builder.problem(problem);
        return this;
    }

    /** Records whether the audit ran elevated, as the live Windows source does. */
    public HostFixture auditElevated(Tristate elevated) {
        builder.auditElevated(elevated);
        return this;
    }

    /** Adds what a probe of a TLS peer showed. */
    public HostFixture peer(PeerObservation observation) {
        builder.peer(observation);
        return this;
    }

    /** Records that DNS was checked, with what the resolver answered for each name. */
    public HostFixture revocation(io.certaudit.model.RevocationFacts facts) {
        builder.revocation(facts);
        return this;
    }

    public HostFixture nameResolutions(List<io.certaudit.model.NameResolution> resolutions) {
        builder.nameResolutions(resolutions);
        return this;
    }

    /** Records the service account's access to a store, as the live Windows source does. */
    public HostFixture storeAccess(StoreName store, AccessFacts access) {
        builder.storeAccess(store, access);
        return this;
    }

    /** The stores the source covered (default: all). */
    public HostFixture storesGiven(StoreName... stores) {
        builder.storesGiven(java.util.Set.of(stores));
        return this;
    }

    public HostFixture hostFact(String name, String value) {
        builder.hostFact(name, value);
        return this;
    }

    public HostFixture settings(UnaryOperator<AuditSettings> change) {
        settings = change.apply(settings);
        return this;
    }

    public HostFixture at(Instant instant) {
        at = instant;
        return this;
    }

    public HostSnapshot snapshot() {
        return builder.build();
    }

    public AuditResult audit() {
        return new RuleEngine(BuiltInRules.catalog()).run(snapshot(), settings, at);
    }

    /** The findings of one rule. */
    public List<Finding> findings(String rule) {
        return audit().findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    /** Findings by rule id, for assertion messages. */
    public static Map<String, List<String>> summary(AuditResult result) {
        return result.findings().stream().collect(java.util.stream.Collectors.groupingBy(Finding::rule,
                java.util.TreeMap::new, java.util.stream.Collectors.mapping(Finding::message,
                        java.util.stream.Collectors.toList())));
    }
}

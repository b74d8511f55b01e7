package io.certaudit.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.certaudit.catalog.BuiltInRules;
import io.certaudit.engine.AuditResult;
import io.certaudit.engine.AuditSettings;
import io.certaudit.engine.Finding;
import io.certaudit.engine.RuleCatalog;
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

    /** Records what reading one user Personal store gave, as the live Windows source does. */
    public HostFixture userStoreRead(io.certaudit.model.UserStoreRead read) {
        builder.userStoreRead(read);
        return this;
    }

    public HostFixture hostFact(String name, String value) {
        builder.hostFact(name, value);
        return this;
    }

    /** The SCHANNEL settings a source read. */
    public HostFixture schannel(io.certaudit.model.SchannelSettings schannel) {
        builder.schannel(schannel);
        return this;
    }

    /** The SCHANNEL settings as a .reg export holds them. */
    public HostFixture schannel(io.certaudit.model.RegistryDword sendTrustedIssuerList,
                                io.certaudit.model.RegistryDword clientAuthTrustMode) {
        return schannel(new io.certaudit.model.SchannelSettings(io.certaudit.model.SchannelSettings.Origin.REG_EXPORT,
                "schannel.reg", sendTrustedIssuerList, clientAuthTrustMode));
    }

    /** The host's Windows build, as a source read it. */
    public HostFixture windowsBuild(int build) {
        builder.windowsVersion(new io.certaudit.model.WindowsVersion(build, null, "test"));
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

    /** The settings the audit runs with. */
    public AuditSettings currentSettings() {
        return settings;
    }

    /** The instant the audit judges at. */
    public Instant instant() {
        return at;
    }

    /** Audits the host with the built-in catalogue; every finding's evidence keys are held to their declaration. */
    public AuditResult audit() {
        RuleCatalog catalog = BuiltInRules.catalog();
        AuditResult result = new RuleEngine(catalog).run(snapshot(), settings, at);
        EvidenceContract.check(catalog.rules(), result.findings());
        return result;
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

package io.certaudit.agent.source.serialized;

import java.util.Optional;

import io.certaudit.agent.source.Asn1Guard;
import io.certaudit.agent.source.StoreEnhancedKeyUsage;
import io.certaudit.model.KeyKind;
import io.certaudit.model.PrivateKeyFacts;
import io.certaudit.model.StoreName;
import io.certaudit.model.StoredCertificate;
import io.certaudit.model.Tristate;
import io.certaudit.model.UnreadableCertificateException;

/** Turns one serialized element into the certificate entry the audit sees, with the facts its properties give. */
final class StoreEntryFactory {

    private StoreEntryFactory() {
    }

    /**
     * @param physicalStore {@code .Default}, {@code .GroupPolicy}... or {@code null} when the export does not say
     * @param origin        where the entry was read, shown in the report
     * @return the entry, or empty when the certificate cannot be decoded (already reported)
     */
    static Optional<StoredCertificate> create(SerializedElement element, StoreName store, String physicalStore,
                                              String origin, OffsetProblems problems) {
        Optional<String> hostile = Asn1Guard.check(element.certificate());
        if (hostile.isPresent()) {
            problems.report(element.certificateOffset(), "the certificate (property 32, "
                    + element.certificate().length + " bytes) cannot be read: " + hostile.get());
            return Optional.empty();
        }
        StoredCertificate certificate;
        try {
            certificate = StoredCertificate.parse(store, element.certificate(), origin);
        } catch (UnreadableCertificateException e) {
            problems.report(element.certificateOffset(), "the certificate (property 32, "
                    + element.certificate().length + " bytes) cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        ElementProperties properties = ElementProperties.decode(element.properties(), problems);
        if (physicalStore != null) {
            certificate = certificate.withPhysicalStore(physicalStore);
        }
        if (properties.friendlyName() != null) {
            certificate = certificate.withFriendlyName(properties.friendlyName());
        }
        if (properties.storedSha1() != null) {
            certificate = certificate.withStoreEntry(certificate.storeEntry().withStoredSha1(properties.storedSha1()));
        }
        if (properties.archived()) {
            certificate = certificate.withStoreEntry(certificate.storeEntry().withArchived(true));
        }
        if (properties.enhancedKeyUsage() != null) {
            certificate = StoreEnhancedKeyUsage.record(certificate, properties.enhancedKeyUsage());
        }
        if (store == StoreName.MY) {
            certificate = certificate.withPrivateKey(privateKey(properties));
        }
        return Optional.of(certificate);
    }

    /**
     * Key provider info tells where the key should be, not that it is there: an export carries no key, so the
     * key stays "associated, not verified". Without that property no key is associated with the certificate,
     * which is exactly how Windows decides that a certificate has no private key.
     */
    private static PrivateKeyFacts privateKey(ElementProperties properties) {
        KeyProviderInfo info = properties.keyProviderInfo();
        if (info != null) {
            return new PrivateKeyFacts(Tristate.UNKNOWN, info.cng() ? KeyKind.CNG : KeyKind.CAPI, info.provider(),
                    info.container(), Tristate.of(info.machineKeyset()), null, null,
                    "key associated, not verified: the entry names container " + quoted(info.container())
                            + " of provider " + quoted(info.provider()) + "; an export cannot show the key itself");
        }
        if (properties.keyProviderInfoPresent()) {
            return PrivateKeyFacts.unknown("key associated, not verified: the entry's key provider info"
                    + " (property 2) cannot be decoded");
        }
        return PrivateKeyFacts.absent("the entry carries no key provider info (property 2): no private key is"
                + " associated with the certificate");
    }

    private static String quoted(String value) {
        return value == null ? "(none)" : "\"" + value + "\"";
    }
}

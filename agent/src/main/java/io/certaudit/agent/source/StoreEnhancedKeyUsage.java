package io.certaudit.agent.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

import io.certaudit.model.StoredCertificate;

/**
 * A store entry's EKU property (CERT_ENHKEY_USAGE_PROP_ID = 9, wincrypt.h): the purposes the store allows for the
 * certificate, set in certlm.msc under Properties. Windows keeps it as the DER encoding of CERT_ENHKEY_USAGE, a
 * SEQUENCE OF OBJECT IDENTIFIER, and hands out those bytes alike from a serialized store element and from
 * CertGetCertificateContextProperty ("an array of bytes that contain an ASN.1-encoded CERT_ENHKEY_USAGE
 * structure"). Every source decodes it here, so an export and the live store give the same value.
 */
public final class StoreEnhancedKeyUsage {

    private StoreEnhancedKeyUsage() {
    }

    /**
     * The property decoded: the EKU OIDs the store allows (empty: no purpose at all), or why the bytes are not a
     * CERT_ENHKEY_USAGE encoding.
     */
    public record Decoded(List<String> usages, String problem) {
        public Decoded {
            usages = usages == null ? null : List.copyOf(usages);
            if ((usages == null) == (problem == null)) {
                throw new IllegalArgumentException("either usages or a problem");
            }
        }
    }

    /** Decodes the property's bytes, as many as the store returned; never throws on malformed input. */
    public static Decoded decode(byte[] data) {
        Objects.requireNonNull(data, "data");
        if (data.length == 0) {
            return new Decoded(null, "is empty, not a sequence of object identifiers");
        }
        if (Asn1Guard.check(data).isPresent()) {
            return new Decoded(null, "is nested too deeply to be a sequence of object identifiers");
        }
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(data));
            List<String> oids = new ArrayList<>();
            for (ASN1Encodable element : sequence) {
                oids.add(ASN1ObjectIdentifier.getInstance(element).getId());
            }
            return new Decoded(oids, null);
        } catch (IOException | RuntimeException e) {
            return new Decoded(null, "is not a DER sequence of object identifiers");
        }
    }

    /**
     * The certificate with the purposes its store allows recorded where the chain analysis reads them
     * ({@link StoredCertificate#storeEnhancedKeyUsage()}).
     */
    public static StoredCertificate record(StoredCertificate certificate, List<String> usages) {
        return certificate.withStoreEntry(certificate.storeEntry().withAllowedPurposes(usages));
    }
}

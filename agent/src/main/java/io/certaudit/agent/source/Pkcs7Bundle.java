package io.certaudit.agent.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;

/**
 * A PKCS#7 certificate bundle ({@code .p7b}, {@code .p7c}): a CMS SignedData without signers whose certificates set
 * holds the certificates, as the Windows export wizard writes it for "include all certificates in the certification
 * path" (RFC 5652 section 5; RFC 2315 for PKCS#7 1.5, the same encoding). Only the certificates are taken; nothing is
 * verified, since such a bundle is signed by no one.
 *
 * <p>Call it only on bytes {@link Asn1Guard} accepted. At most {@code max} certificates are encoded out of it, so a
 * bundle of a million certificates costs no more than the entry limit allows.
 *
 * @param certificates the DER of each certificate, in the bundle's order, at most the number asked for
 * @param others       entries of the set that are not X.509 certificates (attribute certificates and the like)
 * @param more         whether the bundle holds more certificates than were taken
 */
record Pkcs7Bundle(List<byte[]> certificates, int others, boolean more) {

    /** The bundle {@code der} holds, or empty when it is not a CMS SignedData. */
    static Optional<Pkcs7Bundle> read(byte[] der, int max) {
        if (!startsWithContentType(der)) {
            return Optional.empty();
        }
        SignedData signedData;
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            ContentInfo info = ContentInfo.getInstance(in.readObject());
            if (info == null || !CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
                return Optional.empty();
            }
            signedData = SignedData.getInstance(info.getContent());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        ASN1Set set = signedData.getCertificates();
        List<byte[]> certificates = new ArrayList<>();
        int others = 0;
        boolean more = false;
        if (set != null) {
            for (ASN1Encodable element : set) {
                ASN1Primitive primitive = element.toASN1Primitive();
                if (!(primitive instanceof ASN1Sequence)) {
                    others++;
                } else if (certificates.size() < max) {
                    try {
                        certificates.add(primitive.getEncoded());
                    } catch (IOException e) {
                        others++;
                    }
                } else {
                    more = true;
                    break;
                }
            }
        }
        return Optional.of(new Pkcs7Bundle(certificates, others, more));
    }

    /**
     * Whether {@code der} opens as a ContentInfo does, a SEQUENCE whose first element is an OBJECT IDENTIFIER, where a
     * certificate's first element is a SEQUENCE: most files are told apart without parsing them.
     */
    private static boolean startsWithContentType(byte[] der) {
        if (der.length < 3 || der[0] != 0x30) {
            return false;
        }
        int first = der[1] & 0xff;
        int contents = first < 0x80 ? 2 : 2 + (first & 0x7f);
        return contents < der.length && der[contents] == 0x06;
    }

    /** Whether {@code der} is a CMS SignedData (what {@code certutil -encode} may wrap in a CERTIFICATE block). */
    static boolean is(byte[] der) {
        return read(der, 0).isPresent();
    }
}

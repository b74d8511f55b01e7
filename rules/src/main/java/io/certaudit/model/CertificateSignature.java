package io.certaudit.model;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/**
 * What a certificate's signature covers and is: the outer signature algorithm (OID and DER parameters, {@code null}
 * when absent), the DER of the to-be-signed part and the signature value (the BIT STRING's bytes).
 */
public record CertificateSignature(String algorithmOid, byte[] algorithmParameters, byte[] signed, byte[] value) {

    /** The signature parts of a decoded certificate. */
    public static CertificateSignature of(X509Certificate certificate) throws CertificateEncodingException {
        return new CertificateSignature(certificate.getSigAlgOID(), certificate.getSigAlgParams(),
                certificate.getTBSCertificate(), certificate.getSignature());
    }
}

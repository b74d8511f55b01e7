package io.certaudit.agent.revocation;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.certaudit.testing.TestPki;
import io.certaudit.testing.TestPki.Issued;

/** CRLs and OCSP responses made in the test by BouncyCastle, around {@link TestPki#NOW}. */
final class RevocationPki {

    static final Instant NOW = TestPki.NOW;

    private RevocationPki() {
    }

    /** A CDP extension value with one distribution point per URL. */
    static ASN1Encodable crlDistributionPoints(String... urls) {
        DistributionPoint[] points = new DistributionPoint[urls.length];
        for (int i = 0; i < urls.length; i++) {
            points[i] = new DistributionPoint(new DistributionPointName(new GeneralNames(
                    new GeneralName(GeneralName.uniformResourceIdentifier, urls[i]))), null, null);
        }
        return new CRLDistPoint(points);
    }

    static ASN1Encodable ocspResponder(String url) {
        return new AuthorityInformationAccess(new AccessDescription(AccessDescription.id_ad_ocsp,
                new GeneralName(GeneralName.uniformResourceIdentifier, url)));
    }

    static X509Certificate x509(Issued issued) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(issued.der()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CRL under construction. */
    static final class Crl {
        private final X500Name issuerName;
        private Issued signer;
        private Instant thisUpdate = NOW.minus(Duration.ofDays(1));
        private Instant nextUpdate = NOW.plus(Duration.ofDays(6));
        private long number = 1;
        private Long deltaOf;
        private String freshest;
        private final List<Object[]> revoked = new java.util.ArrayList<>();
        private final List<Object[]> extensions = new java.util.ArrayList<>();

        Crl(Issued issuer) {
            this.issuerName = issuer.subject();
            this.signer = issuer;
        }

        Crl signedBy(Issued other) {
            this.signer = other;
            return this;
        }

        Crl nextUpdate(Instant at) {
            this.nextUpdate = at;
            return this;
        }

        Crl number(long crlNumber) {
            this.number = crlNumber;
            return this;
        }

        /** Makes it a delta CRL completing base CRL number {@code base}. */
        Crl deltaOf(long base) {
            this.deltaOf = base;
            return this;
        }

        /** Names a delta CRL (Freshest CRL extension). */
        Crl freshest(String url) {
            this.freshest = url;
            return this;
        }

        Crl extension(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
            extensions.add(new Object[] {oid, critical, value});
            return this;
        }

        Crl revoke(Issued certificate, int reason) {
            revoked.add(new Object[] {certificate.holder().getSerialNumber(), reason});
            return this;
        }

        byte[] encoded() {
            try {
                X509v2CRLBuilder builder = new X509v2CRLBuilder(issuerName, Date.from(thisUpdate));
                builder.setNextUpdate(Date.from(nextUpdate));
                for (Object[] entry : revoked) {
                    builder.addCRLEntry((BigInteger) entry[0], Date.from(NOW.minus(Duration.ofDays(2))),
                            (Integer) entry[1]);
                }
                builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
                if (deltaOf != null) {
                    builder.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(BigInteger.valueOf(deltaOf)));
                }
                for (Object[] extension : extensions) {
                    builder.addExtension((org.bouncycastle.asn1.ASN1ObjectIdentifier) extension[0],
                            (Boolean) extension[1], (ASN1Encodable) extension[2]);
                }
                if (freshest != null) {
                    builder.addExtension(Extension.freshestCRL, false, crlDistributionPoints(freshest));
                }
                return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.privateKey()))
                        .getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * An OCSP responder answering every certificate asked about with {@code status}, signed by {@code signer}
     * (the issuer, or a delegated responder whose certificate goes in the response).
     */
    static byte[] ocspAnswer(byte[] request, Issued signer, CertificateStatus status, Instant nextUpdate) {
        try {
            OCSPReq parsed = new OCSPReq(request);
            CertificateID id = parsed.getRequestList()[0].getCertID();
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(signer.subject()));
            builder.addResponse(id, status, Date.from(NOW.minus(Duration.ofHours(1))),
                    nextUpdate == null ? null : Date.from(nextUpdate));
            X509CertificateHolder[] chain = {signer.holder()};
            var basic = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.privateKey()), chain,
                    Date.from(NOW.minus(Duration.ofHours(1))));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

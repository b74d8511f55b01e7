package io.certaudit.agent.revocation;

import java.io.IOException;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.x509.CRLReason;

import io.certaudit.testing.TestPki.Issued;

/** The loopback HTTP server and CRLs of the revocation tests, for tests in other packages. */
public final class RevocationTestServers {

    private RevocationTestServers() {
    }

    /** A started loopback server. */
    public static Server start() throws IOException {
        return new Server(new RevocationServer());
    }

    public static ASN1Encodable crlDistributionPoints(String... urls) {
        return RevocationPki.crlDistributionPoints(urls);
    }

    /** A current CRL of {@code issuer}, listing {@code revoked} (keyCompromise) when it is not {@code null}. */
    public static byte[] crl(Issued issuer, Issued revoked) {
        RevocationPki.Crl crl = new RevocationPki.Crl(issuer);
        if (revoked != null) {
            crl.revoke(revoked, CRLReason.keyCompromise);
        }
        return crl.encoded();
    }

    /** A test server seen from another package. */
    public static final class Server implements AutoCloseable {
        private final RevocationServer server;

        Server(RevocationServer server) {
            this.server = server;
        }

        public String url(String path) {
            return server.url(path);
        }

        public int port() {
            return server.port();
        }

        public void serve(String path, byte[] content) {
            server.serve(path, content);
        }

        public List<String> requests() {
            return server.requests;
        }

        public long count(String path) {
            return server.count(path);
        }

        @Override
        public void close() {
            server.close();
        }
    }
}

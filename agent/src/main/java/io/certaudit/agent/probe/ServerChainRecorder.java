package io.certaudit.agent.probe;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A trust manager that trusts nothing and rejects nothing: it records the chain the server sent, and the protocol
 * and cipher suite negotiated so far, so the rules judge the chain against the host's own stores afterwards.
 * Extending {@link X509ExtendedTrustManager} keeps the JDK from wrapping it in its own endpoint and algorithm
 * checks, which would end the handshake before the CertificateRequest on exactly the peers worth reporting.
 */
final class ServerChainRecorder extends X509ExtendedTrustManager {

    private volatile List<X509Certificate> chain = List.of();
    private volatile String protocol;
    private volatile String cipherSuite;

    /** The certificates the server sent, leaf first; empty until its Certificate message. */
    List<X509Certificate> chain() {
        return chain;
    }

    /** The protocol negotiated when the server's certificate arrived, or {@code null}. */
    String protocol() {
        return protocol;
    }

    /** The cipher suite negotiated when the server's certificate arrived, or {@code null}. */
    String cipherSuite() {
        return cipherSuite;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] serverChain, String authType, Socket socket) {
        record(serverChain, socket instanceof SSLSocket tls ? tls.getHandshakeSession() : null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] serverChain, String authType, SSLEngine engine) {
        record(serverChain, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] serverChain, String authType) {
        record(serverChain, null);
    }

    private void record(X509Certificate[] serverChain, SSLSession session) {
        chain = serverChain == null ? List.of() : List.of(serverChain);
        if (session != null) {
            protocol = session.getProtocol();
            cipherSuite = session.getCipherSuite();
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] clientChain, String authType, Socket socket)
            throws CertificateException {
        throw clientSide();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] clientChain, String authType, SSLEngine engine)
            throws CertificateException {
        throw clientSide();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] clientChain, String authType) throws CertificateException {
        throw clientSide();
    }

    private static CertificateException clientSide() {
        return new CertificateException("the probe only connects; it never accepts a TLS client");
    }

    /** None: the probe names no certificate authority of its own to the server. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}

package io.certaudit.agent.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManagerFactory;

/**
 * A loopback TLS server on the JDK's own SSLServerSocket, standing in for a Lync pool or an SBC. It records what
 * the client did: the SNI name it sent, whether it presented a certificate, and how many bytes of application data
 * it sent.
 */
final class JdkTlsServer implements AutoCloseable {

    enum ClientAuth { NONE, WANT, NEED }

    private static final char[] PASSWORD = "test".toCharArray();

    private final SSLServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong applicationBytes = new AtomicLong();
    private final List<String> serverNames = new CopyOnWriteArrayList<>();
    private final List<Boolean> clientCertificates = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstConnectionOver = new CountDownLatch(1);

    /**
     * @param protocol      the only protocol the server speaks
     * @param sentChain     what the server sends, leaf first: with or without its intermediates
     * @param key           the leaf's private key
     * @param clientIssuers the certificate authorities the server names in its CertificateRequest
     */
    JdkTlsServer(String protocol, ClientAuth auth, List<X509Certificate> sentChain, PrivateKey key,
                 List<X509Certificate> clientIssuers) throws GeneralSecurityException, IOException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", key, PASSWORD, sentChain.toArray(X509Certificate[]::new));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("SunX509");
        keyManagers.init(keys, PASSWORD);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        for (int i = 0; i < clientIssuers.size(); i++) {
            trusted.setCertificateEntry("ca" + i, clientIssuers.get(i));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
        trustManagers.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);

        server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        SSLParameters parameters = server.getSSLParameters();
        parameters.setProtocols(new String[] {protocol});
        // Each setter clears the other flag, so only the one wanted is called.
        if (auth == ClientAuth.NEED) {
            parameters.setNeedClientAuth(true);
        } else if (auth == ClientAuth.WANT) {
            parameters.setWantClientAuth(true);
        }
        parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
            @Override
            public boolean matches(SNIServerName name) {
                serverNames.add(new SNIHostName(name.getEncoded()).getAsciiName());
                return true;
            }
        }));
        server.setSSLParameters(parameters);
        Thread acceptor = new Thread(this::serve, "jdk-tls-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                connections.incrementAndGet();
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                clientCertificates.add(presentedCertificate(socket));
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    applicationBytes.addAndGet(n);
                }
            } catch (IOException e) {
                // The client hung up or the handshake failed, as several tests intend; the next accept decides.
            } finally {
                firstConnectionOver.countDown();
            }
        }
    }

    private static boolean presentedCertificate(SSLSocket socket) {
        try {
            return socket.getSession().getPeerCertificates().length > 0;
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    /** Waits until the first connection is over, so what it recorded is complete. */
    JdkTlsServer awaitFirstConnection() throws InterruptedException {
        if (!firstConnectionOver.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the client never finished its connection");
        }
        return this;
    }

    int connections() {
        return connections.get();
    }

    long applicationBytes() {
        return applicationBytes.get();
    }

    List<String> serverNames() {
        return serverNames;
    }

    /** One entry per completed server handshake: whether the client presented a certificate. */
    List<Boolean> clientCertificates() {
        return clientCertificates;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

package io.certaudit.agent.probe;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import io.certaudit.model.PeerAddress;
import io.certaudit.model.PeerFailure;
import io.certaudit.model.PeerKeyProof;
import io.certaudit.model.PeerObservation;
import io.certaudit.model.Tristate;

/**
 * Observes a TLS peer with one handshake: the chain it sends and the certificate authorities it names in its
 * CertificateRequest. The probe presents no certificate and holds no key, trusts and rejects nothing, sends no
 * application data, and opens one connection per peer with no retry; every step is bounded by
 * {@link ProbeSettings}. It offers only forward-secret suites, so the peer signs the handshake with its key, and
 * records whether that signature was verified ({@link PeerKeyProof}). It judges nothing: the peer rules do, from the {@link PeerObservation}.
 */
public final class PeerProbe {

    private static final String TLS13 = "TLSv1.3";
    private static final String TLS12 = "TLSv1.2";
    private static final List<String> PROTOCOLS = List.of(TLS13, TLS12);
    /** The cipher suite of the invalid session {@link SSLSocket#getSession()} returns when no handshake finished. */
    private static final String NO_SESSION = "SSL_NULL_WITH_NULL_NULL";

    private final ProbeSettings settings;
    private final HostResolver resolver;

    public PeerProbe(ProbeSettings settings) {
        this(settings, HostResolver.SYSTEM);
    }

    PeerProbe(ProbeSettings settings, HostResolver resolver) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Probes each distinct peer once, in the order given. */
    public List<PeerObservation> probeAll(Collection<PeerAddress> peers) {
        List<PeerObservation> observations = new ArrayList<>();
        for (PeerAddress peer : new LinkedHashSet<>(peers)) {
            observations.add(probe(peer));
        }
        return observations;
    }

    /** Resolves, connects to the first address of {@code peer} and handshakes once. Never throws for the peer's sake. */
    public PeerObservation probe(PeerAddress peer) {
        InetAddress address;
        try {
            address = resolve(peer.host());
        } catch (UnknownHostException e) {
            return failed(peer, null, new ProbeFailure(PeerFailure.DNS,
                    "the name " + peer.host() + " does not resolve (" + e.getMessage() + ")"));
        } catch (TimeoutException e) {
            return failed(peer, null, new ProbeFailure(PeerFailure.DNS, "no DNS answer for " + peer.host()
                    + " within " + ProbeFailure.words(settings.connectTimeout())));
        }
        String resolved = address.getHostAddress();
        ClientRecordTap tcp = new ClientRecordTap();
        try {
            tcp.connect(new InetSocketAddress(address, peer.port()), millis(settings.connectTimeout().toMillis()));
        } catch (IOException e) {
            closeQuietly(tcp);
            String target = new PeerAddress(resolved, peer.port()).toString();
            return failed(peer, resolved, ProbeFailure.ofConnect(e, target, settings.connectTimeout()));
        }
        return handshake(peer, resolved, tcp);
    }

    /**
     * Resolves {@code host} within the connect timeout. The JDK's lookup takes no timeout and a resolver that does
     * not answer holds it for as long as the system's retries last, so it runs on a thread of its own that the
     * probe stops waiting for; the thread ends when the resolver gives up.
     */
    private InetAddress resolve(String host) throws UnknownHostException, TimeoutException {
        CompletableFuture<InetAddress> lookup = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                lookup.complete(resolver.resolve(host));
            } catch (UnknownHostException | RuntimeException e) {
                lookup.completeExceptionally(e);
            }
        }, "certaudit-lookup-" + host);
        thread.setDaemon(true);
        thread.start();
        try {
            return lookup.get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw new UnknownHostException(String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException("the lookup was interrupted");
        }
    }

    private PeerObservation handshake(PeerAddress peer, String resolved, ClientRecordTap tcp) {
        ServerChainRecorder chain = new ServerChainRecorder();
        IssuerListRecorder issuers = new IssuerListRecorder();
        SSLSocket tls;
        try {
            tls = (SSLSocket) context(chain, issuers).getSocketFactory()
                    .createSocket(tcp, peer.host(), peer.port(), true);
        } catch (IOException e) {
            closeQuietly(tcp);
            return failed(peer, resolved, ProbeFailure.ofHandshake(e, false, settings.handshakeTimeout()));
        }
        HandshakeDeadline deadline = new HandshakeDeadline(tls, settings.handshakeTimeout());
        try {
            tls.setSSLParameters(parameters(tls, peer));
            tls.setSoTimeout(millis(settings.handshakeTimeout().toMillis()));
            tls.startHandshake();
            SSLSession session = tls.getSession();
            if (NO_SESSION.equals(session.getCipherSuite())) {
                // startHandshake returns quietly when the socket is closed under it (by the deadline, or by the
                // peer between two records); the session then is the invalid one SSLSocket.getSession describes.
                throw new EOFException("the connection closed before the handshake finished");
            }
            Tristate required = !issuers.requested() ? Tristate.UNKNOWN
                    : TLS13.equals(session.getProtocol()) ? awaitVerdict(tls, deadline,
                            millis(settings.verdictWait().toMillis())) : Tristate.NO;
            // The handshake finished: with only forward-secret suites offered, the peer signed it with its key.
            return new PeerObservation(peer, resolved, session.getProtocol(), session.getCipherSuite(), chain.chain(),
                    issuers.issuers(), required, null, null, PeerKeyProof.PROVEN);
        } catch (IOException e) {
            ProbeFailure failure = ProbeFailure.ofHandshake(e, deadline.expired(), settings.handshakeTimeout());
            // TLS 1.3 proves the key only in a finished handshake; TLS 1.2 once the signed ServerKeyExchange let
            // the probe send its own key exchange (ClientRecordTap).
            PeerKeyProof proof = TLS12.equals(chain.protocol()) && tcp.keyExchangeSent() && !chain.chain().isEmpty()
                    ? PeerKeyProof.PROVEN : PeerKeyProof.UNPROVEN;
            if (issuers.requested() && failure.endsHandshake() && proof == PeerKeyProof.PROVEN) {
                // In TLS 1.2 the peer judges our empty Certificate before its Finished: it asked for a client
                // certificate, got none and ended the handshake. That is mutual TLS enforced, not a failure.
                return new PeerObservation(peer, resolved, chain.protocol(), chain.cipherSuite(), chain.chain(),
                        issuers.issuers(), Tristate.YES, null, null, proof);
            }
            String message = failure.message();
            if (!chain.chain().isEmpty() && proof == PeerKeyProof.UNPROVEN) {
                message += "; the handshake ended before the peer proved, with a signature, that it holds the key "
                        + "of the certificate it sent, so that chain (which anyone can replay) is not judged";
            } else if (chain.chain().isEmpty() && failure.kind() == PeerFailure.TLS_ALERT) {
                message += " (the probe offers only forward-secret cipher suites, ECDHE or DHE with TLS 1.2 and "
                        + "TLS 1.3, so that the peer must sign the handshake with its key)";
            }
            return new PeerObservation(peer, resolved, chain.protocol(), chain.cipherSuite(), chain.chain(),
                    issuers.issuers(), Tristate.UNKNOWN, failure.kind(), message, proof);
        } finally {
            deadline.close();
            closeQuietly(tls);
        }
    }

    /**
     * In TLS 1.3 the client's handshake ends before the server has read our empty Certificate, so its verdict
     * comes afterwards: an alert (certificate_required) when it insists on a certificate, nothing (or a session
     * ticket) when it goes on without one. Reads until one or the other, within what is left of the deadline and
     * at most {@code waitMillis}.
     */
    private static Tristate awaitVerdict(SSLSocket tls, HandshakeDeadline deadline, int waitMillis) {
        int left = Math.min(deadline.remainingMillis(), waitMillis);
        if (left == 0) {
            return Tristate.UNKNOWN;
        }
        try {
            tls.setSoTimeout(left);
            if (tls.getInputStream().read() >= 0) {
                return Tristate.NO;
            }
            // End of stream: either the deadline closed the socket, or the peer hung up without saying why.
            return deadline.expired() ? Tristate.NO : Tristate.UNKNOWN;
        } catch (IOException e) {
            if (e instanceof SocketTimeoutException || deadline.expired()) {
                return Tristate.NO;
            }
            return e instanceof SSLException ? Tristate.YES : Tristate.UNKNOWN;
        }
    }

    private static SSLContext context(ServerChainRecorder chain, IssuerListRecorder issuers) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {issuers}, new TrustManager[] {chain}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's TLS provider is unavailable", e);
        }
    }

    private static SSLParameters parameters(SSLSocket tls, PeerAddress peer) {
        SSLParameters parameters = tls.getSSLParameters();
        List<String> supported = Arrays.asList(tls.getSupportedProtocols());
        parameters.setProtocols(PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new));
        parameters.setCipherSuites(Arrays.stream(tls.getEnabledCipherSuites()).filter(PeerProbe::forwardSecret)
                .toArray(String[]::new));
        if (!peer.hostIsIpLiteral()) {
            sniName(peer.host()).ifPresent(name -> parameters.setServerNames(List.of(name)));
        }
        return parameters;
    }

    /**
     * Whether a suite makes the server sign the handshake with its certificate's key: every TLS 1.3 suite
     * (CertificateVerify), and in TLS 1.2 the ephemeral Diffie-Hellman ones (signed ServerKeyExchange). With RSA key
     * exchange a server proves its key only by decrypting our secret, which it shows no earlier than its Finished:
     * a replayed chain and CertificateRequest followed by a hang-up would look like an MTLS peer.
     */
    static boolean forwardSecret(String suite) {
        return suite.startsWith("TLS_ECDHE_") || suite.startsWith("TLS_DHE_") || suite.startsWith("TLS_AES_")
                || suite.startsWith("TLS_CHACHA20_");
    }

    /** The SNI name for {@code host}; none for a name SNI cannot carry (an underscore, say), which the peer then judges. */
    private static Optional<SNIHostName> sniName(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        try {
            return Optional.of(new SNIHostName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static PeerObservation failed(PeerAddress peer, String resolved, ProbeFailure failure) {
        return new PeerObservation(peer, resolved, null, null, List.of(), null, Tristate.UNKNOWN, failure.kind(),
                failure.message(), PeerKeyProof.UNPROVEN);
    }

    private static int millis(long millis) {
        return (int) Math.min(millis, Integer.MAX_VALUE);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing only releases the socket; the observation is complete either way.
        }
    }
}

package io.certaudit.agent.probe;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A TLS 1.2 "server" that holds no private key: it answers a ClientHello with a real server's certificate chain and a
 * CertificateRequest naming real CAs, as anyone can who once connected to that server, then ServerHelloDone, and
 * hangs up on whatever the client sends. It sends no ServerKeyExchange, because signing one needs the key; with RSA
 * key exchange none is due, and with ECDHE the client must notice it is missing. Messages as RFC 5246 7.4 lays
 * them out.
 */
final class ReplayPeer implements RawServer.Behaviour {

    /** TLS_RSA_WITH_AES_128_GCM_SHA256: the server proves nothing before its Finished. */
    static final int RSA_KEY_EXCHANGE = 0x009c;
    /** TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: the server must sign a ServerKeyExchange; this one sends none. */
    static final int ECDHE_WITHOUT_SIGNATURE = 0xc02f;

    private static final int HANDSHAKE = 22;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int cipherSuite;
    private final List<X509Certificate> chain;
    private final List<X509Certificate> acceptedIssuers;

    ReplayPeer(int cipherSuite, List<X509Certificate> chain, List<X509Certificate> acceptedIssuers) {
        this.cipherSuite = cipherSuite;
        this.chain = chain;
        this.acceptedIssuers = acceptedIssuers;
    }

    @Override
    public void serve(Socket socket) throws IOException {
        socket.setSoTimeout(3000);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] header = new byte[5];
        in.readFully(header);
        in.readFully(new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)]);

        ByteArrayOutputStream flight = new ByteArrayOutputStream();
        flight.write(handshake(2, serverHello()));
        flight.write(handshake(11, certificate()));
        flight.write(handshake(13, certificateRequest()));
        flight.write(handshake(14, new byte[0]));
        OutputStream out = socket.getOutputStream();
        out.write(record(flight.toByteArray()));
        out.flush();
        try {
            // Whatever comes back (a Certificate, a key exchange, an alert) cannot be answered without the key.
            in.read(new byte[4096]);
        } catch (SocketTimeoutException e) {
            // The client gave up first.
        }
    }

    private byte[] serverHello() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(3);
        body.write(3);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        body.writeBytes(random);
        body.write(0);
        body.write(cipherSuite >> 8);
        body.write(cipherSuite & 0xff);
        body.write(0);
        return body.toByteArray();
    }

    private byte[] certificate() throws IOException {
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        for (X509Certificate certificate : chain) {
            byte[] der = encoded(certificate);
            list.write(uint24(der.length));
            list.write(der);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(uint24(list.size()));
        list.writeTo(body);
        return body.toByteArray();
    }

    private byte[] certificateRequest() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(new byte[] {2, 1, 64});
        byte[] schemes = {0x04, 0x01, 0x04, 0x03, 0x08, 0x04};
        body.write(uint16(schemes.length));
        body.write(schemes);
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        for (X509Certificate issuer : acceptedIssuers) {
            byte[] name = issuer.getSubjectX500Principal().getEncoded();
            names.write(uint16(name.length));
            names.write(name);
        }
        body.write(uint16(names.size()));
        names.writeTo(body);
        return body.toByteArray();
    }

    private static byte[] handshake(int type, byte[] body) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(type);
        message.write(uint24(body.length));
        message.write(body);
        return message.toByteArray();
    }

    private static byte[] record(byte[] fragment) throws IOException {
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(HANDSHAKE);
        record.write(3);
        record.write(3);
        record.write(uint16(fragment.length));
        record.write(fragment);
        return record.toByteArray();
    }

    private static byte[] uint24(int n) {
        return new byte[] {(byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }

    private static byte[] uint16(int n) {
        return new byte[] {(byte) (n >> 8), (byte) n};
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

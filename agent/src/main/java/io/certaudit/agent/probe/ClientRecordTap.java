package io.certaudit.agent.probe;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The probe's TCP socket, watching the TLS records the probe itself sends (RFC 5246 6.2.1: a type byte, a version,
 * a two-byte length, then that many bytes) and the handshake messages in the plaintext ones (7.4: a type byte and a
 * three-byte length). It notes whether the probe produced a ClientKeyExchange: for an ECDHE or DHE suite the client
 * computes it from the server's ServerKeyExchange, whose signature the JDK verifies with the certificate's key as
 * it reads it, and a server that sent none leaves the client nothing to compute it from. A ClientKeyExchange in
 * TLS 1.2 therefore means the peer signed with its key. It counts when the probe tries to send it, even if the peer
 * has already hung up: a peer that requires a client certificate may close as soon as it reads our empty one.
 */
final class ClientRecordTap extends Socket {

    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int HANDSHAKE = 22;
    private static final int CLIENT_KEY_EXCHANGE = 16;
    private static final int RECORD_HEADER = 5;
    private static final int MESSAGE_HEADER = 4;

    private volatile boolean keyExchangeSent;
    private OutputStream tapped;

    /** Whether the probe produced a ClientKeyExchange message, in plaintext, before any ChangeCipherSpec. */
    boolean keyExchangeSent() {
        return keyExchangeSent;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (tapped == null) {
            tapped = new RecordParser(super.getOutputStream());
        }
        return tapped;
    }

    /** Follows record and handshake message boundaries in what is written; the bytes themselves pass unchanged. */
    private final class RecordParser extends FilterOutputStream {
        private final byte[] recordHeader = new byte[RECORD_HEADER];
        private int recordHeaderFilled;
        private int recordLeft;
        private int recordType;
        /** After a ChangeCipherSpec the handshake is encrypted: nothing more to read in it. */
        private boolean encrypted;
        private final byte[] messageHeader = new byte[MESSAGE_HEADER];
        private int messageHeaderFilled;
        private long messageLeft;

        RecordParser(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            follow(new byte[] {(byte) b}, 0, 1);
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            follow(bytes, offset, length);
            out.write(bytes, offset, length);
        }

        private void follow(byte[] bytes, int offset, int length) {
            int i = offset;
            int end = offset + length;
            while (i < end) {
                if (recordLeft == 0) {
                    recordHeader[recordHeaderFilled++] = bytes[i++];
                    if (recordHeaderFilled == RECORD_HEADER) {
                        recordHeaderFilled = 0;
                        recordType = recordHeader[0] & 0xff;
                        recordLeft = ((recordHeader[3] & 0xff) << 8) | (recordHeader[4] & 0xff);
                        encrypted |= recordType == CHANGE_CIPHER_SPEC;
                    }
                    continue;
                }
                int take = Math.min(recordLeft, end - i);
                if (recordType == HANDSHAKE && !encrypted) {
                    handshake(bytes, i, take);
                }
                recordLeft -= take;
                i += take;
            }
        }

        private void handshake(byte[] bytes, int offset, int length) {
            int i = offset;
            int end = offset + length;
            while (i < end) {
                if (messageLeft > 0) {
                    long skip = Math.min(messageLeft, end - i);
                    messageLeft -= skip;
                    i += (int) skip;
                    continue;
                }
                messageHeader[messageHeaderFilled++] = bytes[i++];
                if (messageHeaderFilled == MESSAGE_HEADER) {
                    messageHeaderFilled = 0;
                    messageLeft = ((messageHeader[1] & 0xffL) << 16) | ((messageHeader[2] & 0xff) << 8)
                            | (messageHeader[3] & 0xff);
                    if ((messageHeader[0] & 0xff) == CLIENT_KEY_EXCHANGE) {
                        keyExchangeSent = true;
                    }
                }
            }
        }
    }
}

package io.certaudit.agent.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Reads the common PEM file quickly: nothing but {@code CERTIFICATE} blocks, each a BEGIN line, lines of base64 and
 * an END line, with only line breaks and blanks between blocks. BouncyCastle's PEM parser reads such a file line by
 * line through strings, a fifth of the time spent reading a store of thousands of certificates. Anything else (keys,
 * other block types, headers, text around the blocks, a character out of place, a block {@link Asn1Guard} refuses or
 * BouncyCastle would not parse) gives {@code null}, and the file goes through the guarded PEM parser as before, so
 * what is read and the problems reported are the parser's.
 *
 * <p>The parser hands on BouncyCastle's re-encoding of each block. A block already in plain DER (one element spanning
 * the block, every length and tag in its shortest form, string and time types primitive) re-encodes to itself, so it
 * is handed on as decoded, without the round trip through BouncyCastle's objects; the reader sends the file back
 * through the parser if the JDK then cannot decode it, so that the problem is worded as the parser words it. The one
 * difference left: a certificate in plain DER whose structure BouncyCastle's parser would refuse but the JDK decodes
 * is read here, where the parser would report the block as damaged.
 */
final class PlainCertificatePem {

    private static final byte[] BEGIN = "-----BEGIN CERTIFICATE-----".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "-----END CERTIFICATE-----".getBytes(StandardCharsets.US_ASCII);

    private PlainCertificatePem() {
    }

    /**
     * The DER encodings of the certificates of {@code content}, in file order, exactly as the PEM parser would give
     * them ({@link X509CertificateHolder#getEncoded()}); {@code null} when the file is not plain certificate blocks.
     */
    static List<byte[]> decode(byte[] content) {
        List<byte[]> certificates = new ArrayList<>();
        // One buffer for the base64 of every block: no block is longer than the file.
        byte[] base64 = new byte[content.length];
        int at = skipBlanks(content, 0);
        while (at < content.length) {
            if (!startsWith(content, at, BEGIN)) {
                return null;
            }
            at = lineEnd(content, at + BEGIN.length);
            if (at < 0) {
                return null;
            }
            int length = 0;
            while (!startsWith(content, at, END)) {
                int line = at;
                while (at < content.length && isBase64(content[at])) {
                    at++;
                }
                if (at == line) {
                    return null;
                }
                System.arraycopy(content, line, base64, length, at - line);
                length += at - line;
                at = lineEnd(content, at);
                if (at < 0) {
                    return null;
                }
            }
            at += END.length;
            if (at < content.length && lineEnd(content, at) < 0) {
                return null;
            }
            byte[] der = certificate(Arrays.copyOf(base64, length));
            if (der == null) {
                return null;
            }
            certificates.add(der);
            at = skipBlanks(content, at);
        }
        return certificates.isEmpty() ? null : certificates;
    }

    private static byte[] certificate(byte[] base64) {
        try {
            byte[] content = Base64.getDecoder().decode(base64);
            if (Asn1Guard.check(content).isPresent()) {
                return null;
            }
            if (PlainDer.is(content)) {
                return content;
            }
            return new X509CertificateHolder(content).getEncoded();
        } catch (IllegalArgumentException | IOException e) {
            // Not strict base64, or not a certificate: the PEM parser decides, and reports it its way.
            return null;
        }
    }

    /** The index after the line break at {@code at} (LF or CRLF), or -1 when there is none there. */
    private static int lineEnd(byte[] content, int at) {
        if (at < content.length && content[at] == '\n') {
            return at + 1;
        }
        if (at + 1 < content.length && content[at] == '\r' && content[at + 1] == '\n') {
            return at + 2;
        }
        return -1;
    }

    private static int skipBlanks(byte[] content, int at) {
        while (at < content.length && (content[at] == '\n' || content[at] == '\r' || content[at] == ' '
                || content[at] == '\t')) {
            at++;
        }
        return at;
    }

    private static boolean startsWith(byte[] content, int at, byte[] prefix) {
        if (content.length - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64(byte b) {
        return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '+' || b == '/'
                || b == '=';
    }
}

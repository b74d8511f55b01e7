package io.certaudit.agent.source;

import java.io.IOException;
import java.io.Reader;
import java.util.Optional;

import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A PEM parser that hands each block to {@link Asn1Guard} before BouncyCastle decodes it, and that words what
 * went wrong with a block without repeating the decoder's message for keys: those messages name the block type
 * and may quote its content.
 */
final class GuardedPemParser extends PEMParser {
    private String lastType;
    private String refused;

    GuardedPemParser(Reader reader) {
        super(reader);
    }

    @Override
    public PemObject readPemObject() throws IOException {
        PemObject block = super.readPemObject();
        if (block != null) {
            lastType = block.getType();
            Optional<String> hostile = Asn1Guard.check(block.getContent());
            if (hostile.isPresent()) {
                refused = hostile.get();
                throw new IOException(refused);
            }
            if (lastType.equals("CERTIFICATE") && Pkcs7Bundle.is(block.getContent())) {
                // certutil -encode of a .p7b writes the bundle under a CERTIFICATE header.
                return new PemObject("PKCS7", block.getHeaders(), block.getContent());
            }
        }
        return block;
    }

    /** What was wrong with the block being read when {@code e} was thrown, safe to report. */
    String damage(Exception e) {
        if (refused != null) {
            return refused;
        }
        String message = Failures.describe(e);
        if (lastType != null && lastType.contains("KEY") || message.contains("KEY")) {
            return "a private key that cannot be decoded; its content is not shown";
        }
        return message;
    }
}

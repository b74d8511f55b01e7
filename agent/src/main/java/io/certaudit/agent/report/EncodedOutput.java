package io.certaudit.agent.report;

import java.io.IOException;

/**
 * A character output that encodes as UTF-8 ({@link SafeText#utf8Encoder()}) and also takes text already encoded the
 * same way, so that text encoded on other threads is copied, not decoded and encoded again.
 */
public interface EncodedOutput {

    /**
     * Writes {@code length} bytes of UTF-8 after everything written so far. What was written before must not end in
     * the first half of a surrogate pair.
     */
    void writeEncoded(byte[] bytes, int offset, int length) throws IOException;
}

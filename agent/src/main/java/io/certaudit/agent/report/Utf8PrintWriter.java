package io.certaudit.agent.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;

/**
 * A print writer to a byte stream in UTF-8 ({@link SafeText#utf8Encoder()}) that also takes text already encoded;
 * like every print writer it never throws, and {@link #checkError()} tells whether a write failed.
 */
public final class Utf8PrintWriter extends PrintWriter implements EncodedOutput {

    private final OutputStream bytes;

    public Utf8PrintWriter(OutputStream bytes, boolean autoFlush) {
        super(new OutputStreamWriter(bytes, SafeText.utf8Encoder()), autoFlush);
        this.bytes = bytes;
    }

    @Override
    public void writeEncoded(byte[] encoded, int offset, int length) {
        synchronized (lock) {
            flush();
            try {
                bytes.write(encoded, offset, length);
            } catch (IOException e) {
                setError();
            }
        }
    }
}

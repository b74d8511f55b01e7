package io.certaudit.agent.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;

/** Writes characters to a byte stream as UTF-8 ({@link SafeText#utf8Encoder()}), and takes text already encoded. */
public final class Utf8Writer extends Writer implements EncodedOutput {

    private final OutputStream bytes;
    private final Writer characters;

    public Utf8Writer(OutputStream bytes) {
        this.bytes = bytes;
        this.characters = new OutputStreamWriter(bytes, SafeText.utf8Encoder());
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        characters.write(buffer, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        characters.write(text, offset, length);
    }

    @Override
    public void write(int c) throws IOException {
        characters.write(c);
    }

    @Override
    public void writeEncoded(byte[] encoded, int offset, int length) throws IOException {
        characters.flush();
        bytes.write(encoded, offset, length);
    }

    @Override
    public void flush() throws IOException {
        characters.flush();
    }

    @Override
    public void close() throws IOException {
        characters.close();
    }
}

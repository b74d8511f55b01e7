package io.certaudit.agent.report;

import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.CollectionType;

/**
 * Writes the long arrays of a JSON document (a report's store entries and findings) on a pool of one thread per
 * core. Each run of {@link #CHUNK} elements is rendered by a generator of its own, whose printer starts at the
 * array's depth ({@link ChunkPrettyPrinter}), into a buffer (already encoded as UTF-8 when the output takes bytes,
 * {@link EncodedOutput}); the document's generator writes the runs in order as they finish, each after the separator
 * it would write before an element, so the text is the one it would have written alone. Only a few runs are held at
 * a time: the document is never all in memory.
 */
final class ChunkedArrays implements AutoCloseable {

    /** Elements rendered by one task: large enough to outweigh handing it over, small enough to hold a few. */
    static final int CHUNK = 128;

    private final ObjectWriter elements;
    private final ExecutorService pool;
    /** Runs rendered or being rendered ahead of the one the document waits for. */
    private final int window;

    /**
     * @param mapper  the document's mapper, which renders the elements
     * @param threads how many runs are rendered at once
     */
    ChunkedArrays(ObjectMapper mapper, int threads) {
        this.elements = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        AtomicInteger number = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "certaudit-json-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.window = 2 * threads;
    }

    /**
     * A module that writes lists of the given element types through the {@link ChunkedArrays} a write names as its
     * attribute {@code ChunkedArrays.class}, and as Jackson would without one.
     */
    static SimpleModule module(Set<Class<?>> elementTypes) {
        return new SimpleModule("chunked-arrays") {
            private static final long serialVersionUID = 1L;

            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addSerializers(new Serializers.Base() {
                    @Override
                    public JsonSerializer<?> findCollectionSerializer(SerializationConfig config, CollectionType type,
                            BeanDescription description, TypeSerializer elementTypeSerializer,
                            JsonSerializer<Object> elementSerializer) {
                        return List.class.isAssignableFrom(type.getRawClass())
                                && elementTypes.contains(type.getContentType().getRawClass())
                                ? new ArraySerializer() : null;
                    }
                });
            }
        };
    }

    /** Writes the elements of the array {@code gen} has just started; its printer is at {@code nesting}. */
    void writeElements(List<?> list, JsonGenerator gen, int nesting) throws IOException {
        boolean encode = gen.getOutputTarget() instanceof EncodedOutput;
        ArrayDeque<Future<Rendered>> pending = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < list.size() || !pending.isEmpty()) {
                while (next < list.size() && pending.size() < window) {
                    int from = next;
                    int to = Math.min(list.size(), from + CHUNK);
                    pending.add(pool.submit(() -> render(list, from, to, nesting, encode)));
                    next = to;
                }
                finished(pending.poll()).writeTo(gen);
            }
        } finally {
            pending.forEach(future -> future.cancel(true));
        }
    }

    private Rendered render(List<?> list, int from, int to, int nesting, boolean encode) throws IOException {
        if (encode) {
            Bytes bytes = new Bytes();
            renderTo(new OutputStreamWriter(bytes, SafeText.utf8Encoder()), list, from, to, nesting);
            return bytes;
        }
        Characters characters = new Characters();
        renderTo(characters, list, from, to, nesting);
        return characters;
    }

    private void renderTo(Writer out, List<?> list, int from, int to, int nesting) throws IOException {
        try (JsonGenerator generator = elements.getFactory().createGenerator(out)) {
            generator.setPrettyPrinter(ChunkPrettyPrinter.elementsAt(nesting));
            for (int i = from; i < to; i++) {
                // An entry made on request is made here, written and let go: it is not kept for the writing.
                elements.writeValue(generator, list instanceof CertificateEntries entries ? entries.made(i)
                        : list.get(i));
            }
        }
    }

    private static Rendered finished(Future<Rendered> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the report");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** A run of elements, rendered. */
    private interface Rendered {
        /** Writes the run where the next element of the array {@code gen} is writing goes. */
        void writeTo(JsonGenerator gen) throws IOException;
    }

    private static final class Characters extends CharArrayWriter implements Rendered {
        Characters() {
            super(64 * 1024);
        }

        @Override
        public void writeTo(JsonGenerator gen) throws IOException {
            gen.writeRawValue(buf, 0, count);
        }
    }

    private static final class Bytes extends ByteArrayOutputStream implements Rendered {
        Bytes() {
            super(64 * 1024);
        }

        @Override
        public void writeTo(JsonGenerator gen) throws IOException {
            // An empty raw value makes the generator write the separator before an element, then the run follows it.
            gen.writeRawValue("");
            gen.flush();
            ((EncodedOutput) gen.getOutputTarget()).writeEncoded(buf, 0, count);
        }
    }

    /** A list of one of the chunked element types: in runs when the write has a {@link ChunkedArrays}. */
    private static final class ArraySerializer extends StdSerializer<List<?>> {
        private static final long serialVersionUID = 1L;

        ArraySerializer() {
            super(List.class, false);
        }

        @Override
        public void serialize(List<?> list, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartArray(list, list.size());
            if (provider.getAttribute(ChunkedArrays.class) instanceof ChunkedArrays arrays && list.size() > CHUNK
                    && gen.getPrettyPrinter() instanceof ChunkPrettyPrinter printer) {
                arrays.writeElements(list, gen, printer.nesting());
            } else {
                for (Object element : list) {
                    provider.defaultSerializeValue(element, gen);
                }
            }
            gen.writeEndArray();
        }
    }
}

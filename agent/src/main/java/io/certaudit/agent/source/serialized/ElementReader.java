package io.certaudit.agent.source.serialized;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Splits a sequence of serialized property entries into certificate elements. Layout from [MS-OSHARED]
 * 2.3.2.5 (SerializedPropertyEntry, SerializedCertificateEntry, EndElementMarkerEntry) and Wine's
 * {@code dlls/crypt32/serialize.c}: each entry is {@code {DWORD propId; DWORD 1; DWORD cb; BYTE data[cb]}},
 * little-endian without padding; properties come first and the certificate (property 32) closes the element;
 * a store ends with twelve zero bytes.
 *
 * <p>Every length is checked against the bytes that remain before anything is copied, so a 4 GB length in a
 * small file costs nothing. Once a length runs past the end the framing is lost and reading stops there;
 * every other fault is reported and skipped.
 */
final class ElementReader {

    /** propId, reserved, cb. */
    static final int ENTRY_HEADER_BYTES = 12;

    /**
     * Most properties kept for one element. wincrypt.h defines about a hundred property ids and an entry carries a
     * dozen at most; a run of tiny properties without a certificate would otherwise hold the whole file again as
     * small objects, many times its size.
     */
    static final int MAX_PROPERTIES = 256;

    private final byte[] data;
    private final int end;
    private final OffsetProblems problems;

    private ElementReader(byte[] data, OffsetProblems problems) {
        this.data = data;
        this.end = data.length;
        this.problems = problems;
    }

    /** Takes each element as it is read; returns {@code false} to stop reading (the source is full). */
    @FunctionalInterface
    interface ElementSink {
        boolean accept(SerializedElement element);
    }

    /**
     * Reads the elements of a serialized store body, from {@code start} to the end marker, handing each to
     * {@code sink} as soon as it is read, so a reader that is full stops before the rest is even copied.
     *
     * @param data  the whole file
     * @param start where the first element starts (after the 8-byte file header)
     */
    static void readStore(byte[] data, int start, OffsetProblems problems, ElementSink sink) {
        new ElementReader(data, problems).read(start, true, sink);
    }

    /**
     * Reads the single element of a registry {@code Blob} value: properties, then the certificate, no end marker.
     *
     * @return the element, or empty when the blob holds no readable certificate (already reported)
     */
    static Optional<SerializedElement> readElement(byte[] blob, OffsetProblems problems) {
        List<SerializedElement> elements = new ArrayList<>(1);
        new ElementReader(blob, problems).read(0, false, elements::add);
        if (elements.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(elements.get(0));
    }

    private void read(int start, boolean store, ElementSink sink) {
        boolean any = false;
        List<SerializedProperty> pending = new ArrayList<>();
        int pendingStart = start;
        boolean tooManyReported = false;
        int position = start;
        boolean ended = false;
        boolean framingLost = false;
        while (!ended) {
            int remaining = end - position;
            if (remaining == 0) {
                if (store) {
                    problems.report(position, "the file ends without the 12-byte end marker; it may be truncated");
                }
                break;
            }
            if (remaining < ENTRY_HEADER_BYTES) {
                problems.report(position, "truncated entry: " + remaining + " byte(s) left where a 12-byte"
                        + " entry header should be");
                framingLost = true;
                break;
            }
            long id = LittleEndian.u32(data, position);
            long reserved = LittleEndian.u32(data, position + 4);
            long length = LittleEndian.u32(data, position + 8);
            int dataStart = position + ENTRY_HEADER_BYTES;
            if (id == 0) {
                endMarker(position, reserved, length, store);
                ended = true;
                continue;
            }
            if (length > end - dataStart) {
                problems.report(position, "property " + id + " declares " + length + " bytes but only "
                        + (end - dataStart) + " remain; nothing after it can be read");
                framingLost = true;
                break;
            }
            if (reserved != 1) {
                problems.report(position + 4L, "property " + id + " has " + reserved + " where every entry has 1;"
                        + " read on, trusting its length");
            }
            int next = dataStart + (int) length;
            if (id == PropertyId.CERTIFICATE) {
                byte[] certificate = Arrays.copyOfRange(data, dataStart, next);
                any = true;
                if (!sink.accept(new SerializedElement(pendingStart, pending, position, certificate))) {
                    return;
                }
                pending = new ArrayList<>();
                pendingStart = next;
                if (!store) {
                    trailingAfterCertificate(next);
                    ended = true;
                }
            } else if (id == PropertyId.CRL || id == PropertyId.CTL) {
                // A CRL or CTL element is valid store content, just not a certificate: its properties go with it.
                pending = new ArrayList<>();
                pendingStart = next;
            } else if (id > PropertyId.LAST_USER) {
                problems.report(position, "unknown property id " + id + " (0x" + Long.toHexString(id)
                        + "): no property id is above 0xFFFF; skipped");
            } else if (pending.size() < MAX_PROPERTIES) {
                pending.add(new SerializedProperty(id, position, Arrays.copyOfRange(data, dataStart, next)));
            } else if (!tooManyReported) {
                problems.report(position, "more than " + MAX_PROPERTIES + " properties before a certificate; the"
                        + " rest of them are skipped");
                tooManyReported = true;
            }
            position = next;
        }
        if (framingLost) {
            // Whatever was pending belongs to the element that was cut, which is already reported.
            return;
        }
        if (!pending.isEmpty()) {
            problems.report(pendingStart, pending.size() + " propert" + (pending.size() == 1 ? "y is" : "ies are")
                    + " not followed by a certificate (property 32); ignored");
        } else if (!store && !any) {
            problems.report(0, "the value holds no certificate (property 32)");
        }
    }

    private void endMarker(int position, long reserved, long length, boolean store) {
        if (reserved != 0 || length != 0) {
            problems.report(position, "property id 0 ends the " + (store ? "store" : "element")
                    + ", but the rest of its 12-byte marker is not zero");
        }
        int after = position + ENTRY_HEADER_BYTES;
        if (!allZero(after, end)) {
            problems.report(after, (end - after) + " byte(s) after the end marker are ignored");
        }
    }

    private void trailingAfterCertificate(int after) {
        if (after < end && !allZero(after, end)) {
            problems.report(after, (end - after) + " byte(s) after the certificate are ignored");
        }
    }

    private boolean allZero(int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }
}

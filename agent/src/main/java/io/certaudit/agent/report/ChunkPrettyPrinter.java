package io.certaudit.agent.report;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/**
 * Jackson's default pretty printer, unchanged, that says how deep it is and can start deeper: a run of array elements
 * written by a generator of its own (on another thread) is then indented exactly as the one generator writing the
 * whole document would indent it, and the elements, which that generator sees as values at its root, are separated
 * as the elements of an array are.
 */
final class ChunkPrettyPrinter extends DefaultPrettyPrinter {

    private static final long serialVersionUID = 1L;

    /** Whether values at the root are elements of an array that encloses them. */
    private final boolean elements;

    /** The printer of a whole document. */
    ChunkPrettyPrinter() {
        this.elements = false;
    }

    private ChunkPrettyPrinter(ChunkPrettyPrinter base, boolean elements, int nesting) {
        super(base);
        this.elements = elements;
        this._nesting = nesting;
    }

    /** The printer of a run of elements of an array written at {@code nesting} by a printer of a whole document. */
    static ChunkPrettyPrinter elementsAt(int nesting) {
        return new ChunkPrettyPrinter(new ChunkPrettyPrinter(), true, nesting);
    }

    /** The depth at which what is written next is indented. */
    int nesting() {
        return _nesting;
    }

    @Override
    public ChunkPrettyPrinter createInstance() {
        return new ChunkPrettyPrinter(this, elements, _nesting);
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        if (elements) {
            writeArrayValueSeparator(g);
        } else {
            super.writeRootValueSeparator(g);
        }
    }
}

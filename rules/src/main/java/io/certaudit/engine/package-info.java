/** The rule contract, its metadata, the engine that runs a catalogue over a snapshot, and the audit it yields. */
@NullMarked
package io.certaudit.engine;

import org.jspecify.annotations.NullMarked;

/** The rule contract, its metadata, the engine that runs a catalogue over a snapshot, and the audit it yields. */
package io.certaudit.engine;

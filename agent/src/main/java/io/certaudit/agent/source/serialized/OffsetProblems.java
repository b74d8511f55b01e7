package io.certaudit.agent.source.serialized;

/**
 * Receives what could not be read, at the offset where it was found. The source turns each report into a
 * {@link io.certaudit.model.SourceProblem} naming the file, so decoders stay free of file names.
 */
@FunctionalInterface
interface OffsetProblems {

    /**
     * @param offset  byte offset of the bad data in the file (or in the registry value being decoded)
     * @param message what was wrong and what was done about it
     */
    void report(long offset, String message);
}

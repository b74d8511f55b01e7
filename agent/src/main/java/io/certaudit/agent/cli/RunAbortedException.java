package io.certaudit.agent.cli;

/**
 * The run stopped before it could judge the host: its time limit passed, or the JVM ran out of memory. Exit
 * UNKNOWN (3) with the message as the one line said, never a stack trace.
 */
public final class RunAbortedException extends Exception {
    private static final long serialVersionUID = 1L;

    public RunAbortedException(String message) {
        super(message);
    }

    /** The one line for a JVM that ran out of memory, naming the heap it had. */
    static RunAbortedException outOfMemory() {
        long heapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return new RunAbortedException("out of memory: the run needed more than the " + heapMiB + " MiB of heap "
                + "Java allows it, and stopped without a verdict. Lower --max-file-bytes or --max-entries, or give "
                + "Java a larger heap (-Xmx) if the host really is that large");
    }
}

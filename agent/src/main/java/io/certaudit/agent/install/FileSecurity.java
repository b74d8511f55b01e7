package io.certaudit.agent.install;

import java.io.IOException;

/**
 * What {@code install} asks of the file system's access control: who owns a file or folder and who may write it,
 * and making the output folder administrators-only. The Windows implementation reads and sets security descriptors
 * through the native API; tests use a fake, and {@link #unavailable(String)} stands in elsewhere. Paths are the
 * Windows paths the task will use, as text.
 */
public interface FileSecurity {

    /**
     * The owner and the access granted to the object itself (not inherit-only entries), read without following a
     * link at {@code path}.
     *
     * @throws java.nio.file.NoSuchFileException when nothing is at {@code path}
     * @throws IOException                       when the descriptor cannot be read
     */
    FileAcl read(String path) throws IOException;

    /**
     * Creates the folder {@code path} (its parent must exist) with a protected DACL: SYSTEM and Administrators full
     * control, {@code writer} (the account the task runs as, when it is not SYSTEM) modify, Users read, nothing
     * inherited from the parent. The folder is created with that descriptor, so it is never reachable with the
     * parent's permissions.
     *
     * @param writer the task's account as a SID ({@code S-1-5-20}) or a name ({@code CONTOSO\audit$}), or null
     * @throws java.nio.file.FileAlreadyExistsException when something is already at {@code path}
     */
    void createProtectedFolder(String path, String writer) throws IOException;

    /**
     * Replaces the DACL of the existing folder {@code path} with the protected one {@link #createProtectedFolder}
     * gives, and stops it inheriting from its parent.
     */
    void protectFolder(String path, String writer) throws IOException;

    /** The SID of {@code account}, given as a SID ({@code S-1-5-20}, returned as it is) or a name. */
    String sidOf(String account) throws IOException;

    /** Access control that refuses every call with {@code reason}. */
    static FileSecurity unavailable(String reason) {
        return new FileSecurity() {
            @Override
            public FileAcl read(String path) throws IOException {
                throw new IOException(reason);
            }

            @Override
            public void createProtectedFolder(String path, String writer) throws IOException {
                throw new IOException(reason);
            }

            @Override
            public void protectFolder(String path, String writer) throws IOException {
                throw new IOException(reason);
            }

            @Override
            public String sidOf(String account) throws IOException {
                throw new IOException(reason);
            }
        };
    }
}

package io.certaudit.agent.windows;

/**
 * What the live source asks of the machine itself: who the audit runs as, where key files live, the computer's name.
 * Each call opens what it needs, copies the answer out and frees every handle before returning; nothing native crosses
 * this interface. A failure is an answer too ({@link NativeError}), never an exception, so the logic above can tell a
 * missing store from a denied one. The JNA implementation is in {@code windows.jna}; tests on any OS use a fake.
 */
public interface HostEnvironment {

    /** Who the audit itself runs as. */
    AgentIdentity agent();

    /** Folders the key files live in. */
    HostFolders folders();

    /** Whether a file exists (key files are located by trying the documented folders). */
    boolean fileExists(String path);

    /** The computer's NetBIOS name. */
    String computerName();

    // ---------------------------------------------------------------------------------------------------------
    // The values that cross the interface.
    // ---------------------------------------------------------------------------------------------------------

    /** The account the audit runs as and whether its token is elevated (a full administrator token). */
    record AgentIdentity(String name, String sid, boolean elevated) {
    }

    /**
     * Folders the key files live in.
     *
     * @param programData {@code %ProgramData%}, e.g. {@code C:\ProgramData}
     * @param windows     {@code %SystemRoot%}, e.g. {@code C:\Windows}
     */
    record HostFolders(String programData, String windows) {
    }
}

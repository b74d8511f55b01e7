package io.certaudit.agent.windows.jna;

import static io.certaudit.agent.windows.WindowsConstants.MAX_COMPUTERNAME_LENGTH;
import static io.certaudit.agent.windows.WindowsConstants.TOKEN_QUERY;
import static io.certaudit.agent.windows.WindowsConstants.TokenElevation;
import static io.certaudit.agent.windows.WindowsConstants.TokenUser;

import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

import io.certaudit.agent.windows.AccountsAndServices;
import io.certaudit.agent.windows.HostEnvironment;
import io.certaudit.agent.windows.Sid;

/**
 * {@link HostEnvironment} through the process token and kernel32: who the audit runs as, and this computer's name.
 * Every call goes through the bindings, the token handle closed in {@code finally}.
 */
public final class JnaHostEnvironment implements HostEnvironment {

    private final Advapi32Ext advapi32;
    private final Kernel32Ext kernel32;
    private final AccountsAndServices accounts;

    JnaHostEnvironment(Advapi32Ext advapi32, Kernel32Ext kernel32, AccountsAndServices accounts) {
        this.advapi32 = advapi32;
        this.kernel32 = kernel32;
        this.accounts = accounts;
    }

    @Override
    public HostFolders folders() {
        return new HostFolders(System.getenv("ProgramData"), System.getenv("SystemRoot"));
    }

    /** True unless the file is known to be absent: a folder the agent may not list must not hide a key file. */
    @Override
    public boolean fileExists(String path) {
        try {
            Path file = Path.of(path);
            return Files.exists(file) || !Files.notExists(file);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * The process token's user and elevation, read with GetTokenInformation; the account's name is looked up as any
     * SID is ({@link AccountsAndServices#accountName}), so an account that does not resolve has no name rather than
     * a placeholder. A token that cannot be opened gives an unknown account, not elevated.
     */
    @Override
    public AgentIdentity agent() {
        PointerByReference token = new PointerByReference();
        if (!advapi32.OpenProcessToken(kernel32.GetCurrentProcess(), TOKEN_QUERY, token)) {
            return new AgentIdentity(null, null, false);
        }
        Pointer handle = token.getValue();
        try {
            String sid = tokenUser(handle);
            return new AgentIdentity(sid == null ? null : accounts.accountName(sid), sid, elevated(handle));
        } finally {
            kernel32.CloseHandle(handle);
        }
    }

    /** TOKEN_USER's SID, which points into the same buffer: read only within it. */
    private String tokenUser(Pointer token) {
        IntByReference needed = new IntByReference();
        advapi32.GetTokenInformation(token, TokenUser, null, 0, needed);
        if (needed.getValue() <= 0) {
            return null;
        }
        Memory buffer = new Memory(needed.getValue());
        try {
            if (!advapi32.GetTokenInformation(token, TokenUser, buffer, needed.getValue(), needed)) {
                return null;
            }
            long offset = Pointer.nativeValue(buffer.getPointer(0)) - Pointer.nativeValue(buffer);
            if (offset < 0 || offset + 8 > buffer.size()) {
                return null;
            }
            byte[] bytes = buffer.getByteArray(0, (int) buffer.size());
            int start = (int) offset;
            if (start + 8 + 4 * (bytes[start + 1] & 0xFF) > bytes.length) {
                return null;
            }
            return Sid.toText(bytes, start);
        } finally {
            Reference.reachabilityFence(buffer);
        }
    }

    /** TOKEN_ELEVATION's TokenIsElevated; a token that does not say is not taken for elevated. */
    private boolean elevated(Pointer token) {
        Memory elevation = new Memory(4);
        elevation.clear();
        try {
            return advapi32.GetTokenInformation(token, TokenElevation, elevation, 4, new IntByReference())
                    && elevation.getInt(0) != 0;
        } finally {
            Reference.reachabilityFence(elevation);
        }
    }

    /** GetComputerNameW into a buffer of MAX_COMPUTERNAME_LENGTH + 1 characters, as Kernel32Util asks it. */
    @Override
    public String computerName() {
        int capacity = MAX_COMPUTERNAME_LENGTH + 1;
        Memory buffer = new Memory(2L * capacity);
        buffer.clear();
        try {
            IntByReference size = new IntByReference(capacity);
            if (!kernel32.GetComputerNameW(buffer, size)) {
                return "localhost";
            }
            return ReturnedBuffer.wideString(buffer.getByteArray(0, 2 * Math.min(Math.max(size.getValue(), 0),
                    capacity)));
        } finally {
            Reference.reachabilityFence(buffer);
        }
    }
}

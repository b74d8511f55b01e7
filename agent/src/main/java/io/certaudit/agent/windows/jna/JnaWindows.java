package io.certaudit.agent.windows.jna;

import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.win32.W32APIOptions;

import io.certaudit.agent.windows.LiveStores;
import io.certaudit.agent.windows.Sid;
import io.certaudit.agent.windows.WindowsCertificateApi;
import io.certaudit.agent.windows.WindowsStoreSource;

/**
 * The Windows API of the live source over the DLL bindings: each subsystem's implementation gets the bindings it
 * calls and nothing reaches a DLL any other way, so a test that records the bindings sees every handle.
 */
public final class JnaWindows {

    private JnaWindows() {
    }

    /** The API over this machine's DLLs. */
    public static WindowsCertificateApi load() {
        return over(load("crypt32", Crypt32Ext.class), load("advapi32", Advapi32Ext.class),
                load("ncrypt", NCrypt.class), load("authz", Authz.class), load("kernel32", Kernel32Ext.class),
                NativeErrors::systemMessage);
    }

    /** This machine's stores through CryptoAPI; the DLLs are loaded when the stores are read, not before. */
    public static LiveStores liveStores() {
        return (account, at, revocation) -> new WindowsStoreSource(load(), new JnaRegistryValues(), account, at,
                revocation);
    }

    /** The API over the given bindings, which a test records to check that every handle is freed. */
    public static WindowsCertificateApi over(Crypt32Ext crypt32, Advapi32Ext advapi32, NCrypt ncrypt, Authz authz,
                                             Kernel32Ext kernel32, IntFunction<String> messages) {
        NativeErrors errors = new NativeErrors(messages);
        JnaAccountsAndServices accounts = new JnaAccountsAndServices(advapi32, errors);
        return new WindowsCertificateApi(new JnaStoresAndKeys(crypt32, advapi32, ncrypt, errors),
                new JnaAccessChecks(advapi32, authz, kernel32, errors), accounts,
                new JnaHostEnvironment(advapi32, kernel32, accounts));
    }

    /**
     * Binds a DLL. The UNICODE options map each function to its W variant where one exists (and BOOL to boolean);
     * functions without A/W variants keep their name.
     */
    public static <T extends Library> T load(String dll, Class<T> bindings) {
        return Native.load(dll, bindings, W32APIOptions.UNICODE_OPTIONS);
    }

    /** A SID in native memory, in its binary form. */
    static Memory sid(String sid) {
        byte[] binary = Sid.toBinary(sid);
        Memory memory = new Memory(binary.length);
        memory.write(0, binary, 0, binary.length);
        return memory;
    }

    /** Four zeroed bytes for a DWORD the call writes. */
    static Memory zeroed() {
        Memory memory = new Memory(4);
        memory.clear();
        return memory;
    }

    static WString wide(String value) {
        return value == null ? null : new WString(value);
    }

    /**
     * A NUL-terminated UTF-16LE string. WCHAR is 16 bits on Windows, so this does not rely on the JVM's
     * {@code wchar_t} size as {@link Pointer#getWideString} does.
     */
    static String wideString(Pointer pointer) {
        if (pointer == null) {
            return null;
        }
        long units = 0;
        while (pointer.getShort(2 * units) != 0) {
            units++;
        }
        return new String(pointer.getByteArray(0, Math.toIntExact(2 * units)), StandardCharsets.UTF_16LE);
    }
}

package io.certaudit.agent.windows;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import io.certaudit.agent.windows.jna.Advapi32Ext;
import io.certaudit.agent.windows.jna.Authz;
import io.certaudit.agent.windows.jna.Crypt32Ext;
import io.certaudit.agent.windows.jna.JnaWindows;
import io.certaudit.agent.windows.jna.Kernel32Ext;
import io.certaudit.agent.windows.jna.NCrypt;

/**
 * Stand-ins for the DLL bindings: each function answers as the test scripts it, and every handle it hands out is
 * tracked until the code under test frees it, so a test can assert that nothing is left open on any path. Memory
 * the functions return (contexts, chains, descriptors) is real native memory laid out with the production
 * structures, which on a 64-bit JVM have the Windows x64 layout.
 */
final class RecordedBindings implements InvocationHandler {

    private final Map<String, Function<Object[], Object>> answers = new HashMap<>();
    private final Map<Long, String> open = new LinkedHashMap<>();
    private final List<Object> keepAlive = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    private long nextHandle = 0x1000;

    final Crypt32Ext crypt32 = proxy(Crypt32Ext.class);
    final Advapi32Ext advapi32 = proxy(Advapi32Ext.class);
    final NCrypt ncrypt = proxy(NCrypt.class);
    final Authz authz = proxy(Authz.class);
    final Kernel32Ext kernel32 = proxy(Kernel32Ext.class);

    /** The API under test, over these bindings; error messages are {@code message <code>}. */
    WindowsCertificateApi api() {
        return JnaWindows.over(crypt32, advapi32, ncrypt, authz, kernel32, code -> "message " + code);
    }

    /** Scripts a function (by name); unscripted functions fail the test when called. */
    RecordedBindings on(String function, Function<Object[], Object> answer) {
        answers.put(function, answer);
        return this;
    }

    /** A new opaque handle of the given kind, open until {@link #close} is called with it. */
    Pointer openHandle(String kind) {
        Pointer handle = new Pointer(nextHandle++);
        open.put(Pointer.nativeValue(handle), kind);
        return handle;
    }

    /** Marks memory handed to the code under test as open (a context, a chain, a LocalAlloc'd buffer). */
    Pointer track(String kind, Pointer memory) {
        open.put(Pointer.nativeValue(memory), kind);
        return memory;
    }

    /** Frees a handle; freeing one that is not open (twice, or never handed out) fails the test. */
    void close(Object handle, String kind) {
        long value = Pointer.nativeValue((Pointer) handle);
        String was = open.remove(value);
        if (!kind.equals(was)) {
            throw new AssertionError("freed " + kind + " 0x" + Long.toHexString(value) + ", which was "
                    + (was == null ? "not open" : "a " + was));
        }
    }

    /** Frees a handle of whatever kind it is; freeing one that is not open fails the test. */
    void close(Object handle) {
        long value = Pointer.nativeValue((Pointer) handle);
        if (open.remove(value) == null) {
            throw new AssertionError("freed 0x" + Long.toHexString(value) + ", which was not open");
        }
    }

    /** Keeps native memory the code under test reads alive until the test ends. */
    void keep(Object memory) {
        keepAlive.add(memory);
    }

    /** What is still open, by kind. */
    List<String> stillOpen() {
        return new ArrayList<>(open.values());
    }

    /** Native memory holding these bytes, kept alive for the test. */
    Memory bytes(byte[] data) {
        Memory memory = new Memory(Math.max(1, data.length));
        memory.write(0, data, 0, data.length);
        keepAlive.add(memory);
        return memory;
    }

    /** A NUL-terminated UTF-16LE string in native memory, as Windows returns wide strings. */
    Memory wide(String text) {
        return bytes((text + "\0").getBytes(StandardCharsets.UTF_16LE));
    }

    /** A structure written to its own native memory, kept alive. */
    <T extends Structure> T written(T structure) {
        structure.write();
        keepAlive.add(structure);
        return structure;
    }

    /** Fails the call the way Windows does: the return value, with the thread's last error set. */
    static <T> T fail(int lastError, T returned) {
        Native.setLastError(lastError);
        return returned;
    }

    private <T> T proxy(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, this));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return method.getName().equals("toString") ? "recorded bindings" : null;
        }
        calls.add(method.getName());
        Function<Object[], Object> answer = answers.get(method.getName());
        if (answer == null) {
            throw new AssertionError("unexpected native call " + method.getName());
        }
        return answer.apply(args == null ? new Object[0] : args);
    }
}

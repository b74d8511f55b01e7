package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.win32.StdCallLibrary;
import io.certaudit.agent.windows.jna.Advapi32Ext;
import io.certaudit.agent.windows.jna.Advapi32Registry;
import io.certaudit.agent.windows.jna.Authz;
import io.certaudit.agent.windows.jna.Crypt32Ext;
import io.certaudit.agent.windows.jna.Kernel32Ext;
import io.certaudit.agent.windows.jna.NCrypt;
import io.certaudit.agent.windows.jna.WindowsStructures;

/**
 * The header lane: every constant, structure layout and bound prototype of the native layer, read from the Java
 * declarations by reflection, must compile against mingw-w64's Windows headers for x64 and x86 with -Werror
 * ({@link HeaderCheckSource} writes the checks). The declarations are those of the compiled package, so a
 * constant, structure or function added later is checked without touching this test. The last tests feed
 * deliberately wrong declarations and expect the compiler to refuse them, naming the declaration.
 */
class WindowsHeadersTest {

    private static final String[] C_OPTIONS = {"-std=gnu11", "-Wall", "-Wextra", "-Werror", "-fsyntax-only", "-x", "c"};
    private static final String[] CPP_OPTIONS = {"-std=c++14", "-Wall", "-Wextra", "-Werror", "-fsyntax-only", "-x",
            "c++"};

    @TempDir
    Path work;

    @Test
    @Tag("external-tool")
    void constantsAndLayoutsMatchTheHeadersOnX64AndX86() throws Exception {
        List<Class<?>> classes = HeaderCheckSource.packageClasses();
        String c = HeaderCheckSource.c(List.of(WindowsConstants.class, RegistryConstants.class),
                HeaderCheckSource.structures(classes));
        for (String target : NativeTools.TARGETS) {
            assertAccepted(NativeTools.require(target + "-gcc", "header lane"), write("layouts.c", c), C_OPTIONS);
        }
    }

    @Test
    @Tag("external-tool")
    void prototypesAndStringConstantsMatchTheHeadersOnX64AndX86() throws Exception {
        List<Class<?>> classes = HeaderCheckSource.packageClasses();
        String cpp = HeaderCheckSource.cpp(List.of(WindowsConstants.class, RegistryConstants.class),
                HeaderCheckSource.libraries(classes));
        for (String target : NativeTools.TARGETS) {
            assertAccepted(NativeTools.require(target + "-g++", "header lane"), write("prototypes.cpp", cpp), CPP_OPTIONS);
        }
    }

    @Test
    void everyDeclarationIsCovered() {
        List<Class<?>> classes = HeaderCheckSource.packageClasses();
        // The package's own classes are found (not an empty list that would check nothing).
        assertTrue(HeaderCheckSource.structures(classes).contains(WindowsStructures.QueryServiceConfig.class));
        assertTrue(HeaderCheckSource.libraries(classes).containsAll(
                List.of(Crypt32Ext.class, Advapi32Ext.class, NCrypt.class, Authz.class, Kernel32Ext.class,
                        Advapi32Registry.class)));
        String cpp = HeaderCheckSource.cpp(List.of(WindowsConstants.class, RegistryConstants.class),
                HeaderCheckSource.libraries(classes));
        for (Class<?> library : HeaderCheckSource.libraries(classes)) {
            for (var method : library.getDeclaredMethods()) {
                assertTrue(cpp.contains("\"" + library.getSimpleName() + "." + method.getName() + "\""), method::toString);
            }
        }
    }

    /** A constant with the wrong value. */
    static final class WrongConstants {
        public static final int CERT_FRIENDLY_NAME_PROP_ID = 12;
    }

    @Test
    @Tag("external-tool")
    void aWrongConstantDoesNotCompile() throws Exception {
        String compiler = NativeTools.require("x86_64-w64-mingw32-gcc", "header lane");
        String c = HeaderCheckSource.c(List.of(WrongConstants.class), List.of());
        assertRefused(compiler, write("constant.c", c), C_OPTIONS, "WrongConstants.CERT_FRIENDLY_NAME_PROP_ID");
    }

    /** Two pointer members of QUERY_SERVICE_CONFIGW swapped: the sizes and kinds still agree, the offsets do not. */
    static final class Swapped {
        @FieldOrder({"dwServiceType", "dwStartType", "dwErrorControl", "lpBinaryPathName", "lpLoadOrderGroup",
                "dwTagId", "lpDependencies", "lpDisplayName", "lpServiceStartName"})
        public static final class QueryServiceConfig extends Structure {
            public int dwServiceType;
            public int dwStartType;
            public int dwErrorControl;
            public Pointer lpBinaryPathName;
            public Pointer lpLoadOrderGroup;
            public int dwTagId;
            public Pointer lpDependencies;
            public Pointer lpDisplayName;
            public Pointer lpServiceStartName;
        }
    }

    @Test
    @Tag("external-tool")
    void swappedMembersDoNotCompile() throws Exception {
        String compiler = NativeTools.require("x86_64-w64-mingw32-gcc", "header lane");
        String c = HeaderCheckSource.c(List.of(), List.of(Swapped.QueryServiceConfig.class));
        assertRefused(compiler, write("swapped.c", c), C_OPTIONS, "Swapped.QueryServiceConfig.lpDisplayName",
                "Swapped.QueryServiceConfig.lpServiceStartName");
    }

    /** A prototype with two arguments swapped and one with a 32-bit value where Windows takes a pointer. */
    interface WrongCrypt32 extends StdCallLibrary {
        boolean CertGetCertificateContextProperty(Pointer context, Pointer data, int propertyId, IntByReference size);

        Pointer CertOpenStore(int storeProvider, int encodingType, Pointer cryptProv, int flags, WString para);
    }

    @Test
    @Tag("external-tool")
    void wrongPrototypesDoNotCompile() throws Exception {
        String compiler = NativeTools.require("x86_64-w64-mingw32-g++", "header lane");
        String cpp = HeaderCheckSource.cpp(List.of(), List.of(WrongCrypt32.class));
        assertRefused(compiler, write("prototypes.cpp", cpp), CPP_OPTIONS,
                "WrongCrypt32.CertGetCertificateContextProperty", "WrongCrypt32.CertOpenStore");
    }

    private Path write(String name, String source) throws IOException {
        return Files.writeString(work.resolve(name), source, StandardCharsets.UTF_8);
    }

    private static void assertAccepted(String compiler, Path source, String... options) throws Exception {
        NativeTools.Result result = NativeTools.check(compiler, source, options);
        assertTrue(result.accepted(), () -> compiler + " rejects the Java declarations:\n" + result.output());
    }

    /** The compiler refuses the source, with an error for each of the declarations. */
    private static void assertRefused(String compiler, Path source, String[] options, String... declarations)
            throws Exception {
        NativeTools.Result result = NativeTools.check(compiler, source, options);
        assertFalse(result.accepted(), compiler + " accepted a wrong declaration");
        for (String declaration : declarations) {
            assertTrue(result.output().contains(declaration + ":1:"), () -> "the compiler's errors do not name "
                    + declaration + ":\n" + result.output());
        }
    }
}

package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

import io.certaudit.agent.windows.jna.WindowsStructures.AuthzAccessReply;
import io.certaudit.agent.windows.jna.WindowsStructures.AuthzAccessRequest;
import io.certaudit.agent.windows.jna.WindowsStructures.CertChainContext;
import io.certaudit.agent.windows.jna.WindowsStructures.CertChainElement;
import io.certaudit.agent.windows.jna.WindowsStructures.CertChainPara;
import io.certaudit.agent.windows.jna.WindowsStructures.CertContext;
import io.certaudit.agent.windows.jna.WindowsStructures.CertSimpleChain;
import io.certaudit.agent.windows.jna.WindowsStructures.CertTrustStatus;
import io.certaudit.agent.windows.jna.WindowsStructures.CertUsageMatch;
import io.certaudit.agent.windows.jna.WindowsStructures.CryptDataBlob;
import io.certaudit.agent.windows.jna.WindowsStructures.CryptKeyProvInfo;
import io.certaudit.agent.windows.jna.WindowsStructures.CtlUsage;
import io.certaudit.agent.windows.jna.WindowsStructures.QueryServiceConfig;
import io.certaudit.agent.windows.jna.WindowsStructures.ServiceSidInfo;
import io.certaudit.agent.windows.jna.WindowsStructures.SidAndAttributes;
import io.certaudit.agent.windows.jna.WindowsStructures;

/**
 * Every structure the bindings define has the size and member offsets of 64-bit Windows, as documented on its
 * Microsoft page and as {@code sizeof}/{@code offsetof} give for the Windows headers.
 *
 * <p>How the Windows x64 layout is computed on any 64-bit JVM: JNA lays a structure out from the Java field
 * types, the type mapper and the alignment rule. Windows x64 (LLP64) and Linux/macOS x64 (LP64) differ only in
 * the size of C {@code long} and {@code wchar_t}; both align every member naturally and a structure to its
 * largest member. The structures here use only {@code int} (DWORD, 4 bytes on every ABI), {@link Pointer}
 * (8 bytes on a 64-bit JVM, like every Windows x64 pointer, handle and ULONG_PTR) and nested structures of those,
 * which the first test enforces; and each is laid out again here with JNA's {@link Structure#ALIGN_MSVC} rule,
 * the one JNA uses on Windows, and the {@code W32APITypeMapper} the structures are declared with. On a 64-bit
 * JVM of any OS this yields exactly the Windows x64 layout; a 32-bit JVM skips the test.
 */
class WindowsStructuresLayoutTest {

    private static final Set<Class<?>> FIXED_SIZE_MEMBERS = Set.of(int.class, Pointer.class);

    @BeforeAll
    static void sixtyFourBitJvm() {
        assumeTrue(Native.POINTER_SIZE == 8, "the layouts pinned here are those of 64-bit Windows");
    }

    @Test
    void everyStructureUsesOnlyMembersWhoseSizeDoesNotDependOnTheOs() {
        for (Class<?> type : WindowsStructures.class.getDeclaredClasses()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Class<?> member = field.getType();
                assertTrue(FIXED_SIZE_MEMBERS.contains(member) || Structure.class.isAssignableFrom(member),
                        type.getSimpleName() + "." + field.getName() + " is a " + member.getSimpleName()
                                + ", whose size differs between Windows and other OSes");
            }
        }
    }

    @Test
    void everyStructureIsPinnedHere() throws Exception {
        // A structure added to WindowsStructures without its documented layout below would go untested.
        assertEquals(WindowsStructures.class.getDeclaredClasses().length, documentedLayouts().size());
    }

    @Test
    void layoutsAreThoseOfWindowsX64() throws Exception {
        for (Map.Entry<Structure, Layout> entry : documentedLayouts().entrySet()) {
            Structure structure = entry.getKey();
            Layout expected = entry.getValue();
            String name = structure.getClass().getSimpleName();
            assertEquals(expected.size, structure.size(), name + " size");
            for (Map.Entry<String, Integer> member : expected.offsets.entrySet()) {
                assertEquals(member.getValue().intValue(), offset(structure, member.getKey()),
                        name + "." + member.getKey() + " offset");
            }
            assertEquals(structure.getClass().getAnnotation(Structure.FieldOrder.class).value().length,
                    expected.offsets.size(), name + " member count");
        }
    }

    @Test
    void chainParaAnnouncesItsOwnSize() {
        assertEquals(32, new CertChainPara().cbSize);
    }

    /** Sizes and offsets from the Microsoft pages cited on each structure (64-bit Windows). */
    private static Map<Structure, Layout> documentedLayouts() throws ReflectiveOperationException {
        Map<Structure, Layout> layouts = new LinkedHashMap<>();
        layouts.put(msvc(new CertContext()), new Layout(40)
                .at("dwCertEncodingType", 0).at("pbCertEncoded", 8).at("cbCertEncoded", 16)
                .at("pCertInfo", 24).at("hCertStore", 32));
        layouts.put(msvc(new CryptKeyProvInfo()), new Layout(48)
                .at("pwszContainerName", 0).at("pwszProvName", 8).at("dwProvType", 16).at("dwFlags", 20)
                .at("cProvParam", 24).at("rgProvParam", 32).at("dwKeySpec", 40));
        layouts.put(msvc(new CertTrustStatus()), new Layout(8).at("dwErrorStatus", 0).at("dwInfoStatus", 4));
        // Leading members only: the size is that of the prefix, the offsets are those of the full structure.
        layouts.put(msvc(new CertChainContext()), new Layout(24)
                .at("cbSize", 0).at("TrustStatus", 4).at("cChain", 12).at("rgpChain", 16));
        layouts.put(msvc(new CertSimpleChain()), new Layout(24)
                .at("cbSize", 0).at("TrustStatus", 4).at("cElement", 12).at("rgpElement", 16));
        layouts.put(msvc(new CertChainElement()), new Layout(24)
                .at("cbSize", 0).at("pCertContext", 8).at("TrustStatus", 16));
        layouts.put(msvc(new CtlUsage()), new Layout(16).at("cUsageIdentifier", 0).at("rgpszUsageIdentifier", 8));
        layouts.put(msvc(new CertUsageMatch()), new Layout(24).at("dwType", 0).at("Usage", 8));
        layouts.put(msvc(new CertChainPara()), new Layout(32).at("cbSize", 0).at("RequestedUsage", 8));
        layouts.put(msvc(new CryptDataBlob()), new Layout(16).at("cbData", 0).at("pbData", 8));
        layouts.put(msvc(new QueryServiceConfig()), new Layout(64)
                .at("dwServiceType", 0).at("dwStartType", 4).at("dwErrorControl", 8).at("lpBinaryPathName", 16)
                .at("lpLoadOrderGroup", 24).at("dwTagId", 32).at("lpDependencies", 40)
                .at("lpServiceStartName", 48).at("lpDisplayName", 56));
        layouts.put(msvc(new ServiceSidInfo()), new Layout(4).at("dwServiceSidType", 0));
        layouts.put(msvc(new AuthzAccessRequest()), new Layout(40)
                .at("DesiredAccess", 0).at("PrincipalSelfSid", 8).at("ObjectTypeList", 16)
                .at("ObjectTypeListLength", 24).at("OptionalArguments", 32));
        layouts.put(msvc(new AuthzAccessReply()), new Layout(32)
                .at("ResultListLength", 0).at("GrantedAccessMask", 8).at("SaclEvaluationResults", 16)
                .at("Error", 24));
        layouts.put(msvc(new SidAndAttributes()), new Layout(16).at("Sid", 0).at("Attributes", 8));
        return layouts;
    }

    /** Re-lays the structure out with the MSVC rule (a protected JNA method, hence reflection). */
    private static Structure msvc(Structure structure) throws ReflectiveOperationException {
        Method setAlignType = Structure.class.getDeclaredMethod("setAlignType", int.class);
        setAlignType.setAccessible(true);
        setAlignType.invoke(structure, Structure.ALIGN_MSVC);
        return structure;
    }

    private static int offset(Structure structure, String field) throws ReflectiveOperationException {
        Method fieldOffset = Structure.class.getDeclaredMethod("fieldOffset", String.class);
        fieldOffset.setAccessible(true);
        try {
            return (Integer) fieldOffset.invoke(structure, field);
        } catch (InvocationTargetException e) {
            throw new AssertionError(structure.getClass().getSimpleName() + " has no member " + field, e);
        }
    }

    private static final class Layout {
        final int size;
        final Map<String, Integer> offsets = new LinkedHashMap<>();

        Layout(int size) {
            this.size = size;
        }

        Layout at(String field, int offset) {
            offsets.put(field, offset);
            return this;
        }
    }
}

package io.certaudit.agent.windows.jna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

import io.certaudit.agent.windows.LiveSchannelSettings;
import io.certaudit.agent.windows.RegistryConstants;
import io.certaudit.agent.windows.RegistryValues.RegistryValue;
import io.certaudit.agent.windows.RegistryValues.Status;

/** The JNA layer's logic over recorded advapi32 answers: access asked for, every answer, the key always closed. */
class JnaRegistryValuesTest {

    private static final Pointer ROOT = new Pointer(0x80000002L);
    private static final Pointer KEY = new Pointer(0x1234L);

    /** advapi32 answering with fixed codes, recording what it was asked. */
    private static final class Recorded implements Advapi32Registry {
        int openStatus;
        int queryStatus;
        int type = RegistryConstants.REG_DWORD;
        byte[] value = {1, 0, 0, 0};
        final List<String> calls = new ArrayList<>();
        int desiredAccess;
        int opened;
        int closed;

        @Override
        public int RegOpenKeyExW(Pointer key, WString subKey, int options, int desired, PointerByReference result) {
            calls.add("open " + subKey);
            desiredAccess = desired;
            if (openStatus == 0) {
                result.setValue(KEY);
                opened++;
            }
            return openStatus;
        }

        @Override
        public int RegQueryValueExW(Pointer key, WString valueName, Pointer reserved, IntByReference typeOut,
                                    byte[] data, IntByReference size) {
            calls.add("query " + valueName);
            if (queryStatus != 0) {
                return queryStatus;
            }
            typeOut.setValue(type);
            System.arraycopy(value, 0, data, 0, value.length);
            size.setValue(value.length);
            return 0;
        }

        @Override
        public int RegCloseKey(Pointer key) {
            closed++;
            return 0;
        }
    }

    private static RegistryValue read(Recorded advapi32) {
        return new JnaRegistryValues(advapi32, ROOT, code -> "message " + code).read("SYSTEM\\X", "V");
    }

    @Test
    void opensReadOnlyInThe64BitViewReadsAndCloses() {
        Recorded advapi32 = new Recorded();

        RegistryValue value = read(advapi32);

        assertEquals(Status.PRESENT, value.status());
        assertEquals(RegistryConstants.REG_DWORD, value.type());
        assertArrayEquals(new byte[] {1, 0, 0, 0}, value.data());
        assertEquals(RegistryConstants.KEY_QUERY_VALUE | RegistryConstants.KEY_WOW64_64KEY, advapi32.desiredAccess);
        assertEquals(List.of("open SYSTEM\\X", "query V"), advapi32.calls);
        assertEquals(1, advapi32.closed);
    }

    @Test
    void aMissingKeyIsAbsentAndNothingIsClosed() {
        Recorded advapi32 = new Recorded();
        advapi32.openStatus = RegistryConstants.ERROR_FILE_NOT_FOUND;

        assertEquals(Status.KEY_ABSENT, read(advapi32).status());
        assertEquals(0, advapi32.closed);
    }

    @Test
    void aRefusedKeyIsAFailureWithTheCodeAndMessage() {
        Recorded advapi32 = new Recorded();
        advapi32.openStatus = 5;

        RegistryValue value = read(advapi32);

        assertEquals(Status.FAILED, value.status());
        assertEquals("RegOpenKeyExW: error 5 (message 5)", value.error());
    }

    @Test
    void aMissingValueATooLargeOneAndAFailedReadStillCloseTheKey() {
        for (int status : new int[] {RegistryConstants.ERROR_FILE_NOT_FOUND, RegistryConstants.ERROR_MORE_DATA, 5}) {
            Recorded advapi32 = new Recorded();
            advapi32.queryStatus = status;

            RegistryValue value = read(advapi32);

            assertEquals(status == RegistryConstants.ERROR_FILE_NOT_FOUND ? Status.VALUE_ABSENT : Status.FAILED,
                    value.status());
            assertEquals(1, advapi32.opened);
            assertEquals(1, advapi32.closed, "the key is closed after " + status);
        }
        Recorded tooLarge = new Recorded();
        tooLarge.queryStatus = RegistryConstants.ERROR_MORE_DATA;
        assertTrue(read(tooLarge).error().contains("larger than " + JnaRegistryValues.MAX_VALUE_BYTES));
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.WINDOWS)
    void readsThisMachinesSchannelKeyAndBuildNumber() {
        JnaRegistryValues registry = new JnaRegistryValues();

        RegistryValue build = registry.read(LiveSchannelSettings.VERSION_KEY, "CurrentBuildNumber");
        assertEquals(Status.PRESENT, build.status(), String.valueOf(build.error()));
        assertEquals(RegistryConstants.REG_SZ, build.type());
        assertTrue(LiveSchannelSettings.version(registry).build() > 0);
        RegistryValue send = registry.read(LiveSchannelSettings.SCHANNEL_KEY, "SendTrustedIssuerList");
        assertTrue(send.status() == Status.PRESENT || send.status() == Status.VALUE_ABSENT, send.toString());
        assertEquals(Status.KEY_ABSENT, registry.read(LiveSchannelSettings.SCHANNEL_KEY + "\\NoSuchKey", "X")
                .status());
    }
}

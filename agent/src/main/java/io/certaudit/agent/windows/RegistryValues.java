package io.certaudit.agent.windows;

import java.util.Objects;

/**
 * Read-only access to single values of keys under HKEY_LOCAL_MACHINE: what the audit reads of the registry besides
 * certificate stores (the SCHANNEL settings, the Windows version). Kept apart from {@link WindowsCertificateApi} so
 * that it stays small; {@link JnaRegistryValues} binds it to advapi32, tests use a fake. A key is opened with
 * {@code KEY_QUERY_VALUE} only, never created, and closed after each read.
 */
public interface RegistryValues {

    /**
     * Reads the value {@code name} of the key {@code subKey} under HKEY_LOCAL_MACHINE. Never throws for what Windows
     * answers: a missing key or value and every error come back as the result's status.
     */
    RegistryValue read(String subKey, String name);

    /** How reading one value went. */
    enum Status {
        /** The value is there; {@link RegistryValue#type()} and {@link RegistryValue#data()} hold it. */
        PRESENT,
        /** The key is there and has no value of that name. */
        VALUE_ABSENT,
        /** There is no such key. */
        KEY_ABSENT,
        /** Opening the key or reading the value failed; {@link RegistryValue#error()} says how. */
        FAILED
    }

    /**
     * One value as read.
     *
     * @param status how the read went
     * @param type   the registry type ({@code REG_DWORD 4}, {@code REG_SZ 1}, ...) when present, else 0
     * @param data   the value's bytes as stored (a REG_DWORD little-endian, a string UTF-16LE) when present, else empty
     * @param error  the Windows error code and message when FAILED, else {@code null}
     */
    record RegistryValue(Status status, int type, byte[] data, String error) {

        public RegistryValue {
            Objects.requireNonNull(status, "status");
            data = data == null ? new byte[0] : data.clone();
            if ((status == Status.FAILED) != (error != null)) {
                throw new IllegalArgumentException("a failed read, and only one, says why");
            }
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public static RegistryValue present(int type, byte[] data) {
            return new RegistryValue(Status.PRESENT, type, data, null);
        }

        public static RegistryValue valueAbsent() {
            return new RegistryValue(Status.VALUE_ABSENT, 0, null, null);
        }

        public static RegistryValue keyAbsent() {
            return new RegistryValue(Status.KEY_ABSENT, 0, null, null);
        }

        public static RegistryValue failed(String error) {
            return new RegistryValue(Status.FAILED, 0, null, Objects.requireNonNull(error, "error"));
        }
    }
}

package io.certaudit.agent.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A registry described by maps: keys that exist, their values as Windows stores them, and reads that fail. What a
 * test does not set answers as a registry without it would: no such key.
 */
final class FakeRegistryValues implements RegistryValues {

    private final Set<String> keys = new HashSet<>();
    private final Map<String, RegistryValue> values = new HashMap<>();

    FakeRegistryValues key(String subKey) {
        keys.add(subKey.toLowerCase(Locale.ROOT));
        return this;
    }

    FakeRegistryValues dword(String subKey, String name, long value) {
        return value(subKey, name, RegistryValue.present(RegistryConstants.REG_DWORD,
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array()));
    }

    FakeRegistryValues string(String subKey, String name, String text) {
        return value(subKey, name, RegistryValue.present(RegistryConstants.REG_SZ,
                (text + "\0").getBytes(StandardCharsets.UTF_16LE)));
    }

    FakeRegistryValues value(String subKey, String name, RegistryValue value) {
        key(subKey);
        values.put(id(subKey, name), value);
        return this;
    }

    private static String id(String subKey, String name) {
        return (subKey + "\\\\" + name).toLowerCase(Locale.ROOT);
    }

    @Override
    public RegistryValue read(String subKey, String name) {
        if (!keys.contains(subKey.toLowerCase(Locale.ROOT))) {
            return RegistryValue.keyAbsent();
        }
        return values.getOrDefault(id(subKey, name), RegistryValue.valueAbsent());
    }
}

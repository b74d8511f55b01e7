package io.certaudit.agent.windows;

import static io.certaudit.agent.windows.WindowsConstants.GENERIC_ALL;
import static io.certaudit.agent.windows.WindowsConstants.GENERIC_EXECUTE;
import static io.certaudit.agent.windows.WindowsConstants.GENERIC_READ;
import static io.certaudit.agent.windows.WindowsConstants.GENERIC_WRITE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the generic rights of one kind of object map to its specific rights (GENERIC_MAPPING), and the names the
 * report gives to its access masks. AuthzAccessCheck takes no mapping, so generic bits in ACEs (CNG key files
 * carry GENERIC_ALL and GENERIC_READ ACEs) are mapped before the check, as MapGenericMask would.
 * learn.microsoft.com/windows/win32/secauthz/generic-access-rights;
 * learn.microsoft.com/windows/win32/fileio/file-security-and-access-rights;
 * learn.microsoft.com/windows/win32/sysinfo/registry-key-security-and-access-rights
 */
enum GenericMapping {

    FILE(WindowsConstants.FILE_GENERIC_READ, WindowsConstants.FILE_GENERIC_WRITE,
            WindowsConstants.FILE_GENERIC_EXECUTE, WindowsConstants.FILE_ALL_ACCESS,
            rights(WindowsConstants.FILE_ALL_ACCESS, "full control",
                    0x001301BF, "modify",
                    0x001200A9, "read & execute",
                    WindowsConstants.FILE_GENERIC_READ, "read",
                    WindowsConstants.FILE_GENERIC_WRITE, "write"),
            rights(WindowsConstants.FILE_READ_DATA, "read data",
                    WindowsConstants.FILE_WRITE_DATA, "write data",
                    WindowsConstants.FILE_APPEND_DATA, "append data",
                    WindowsConstants.FILE_READ_EA, "read extended attributes",
                    WindowsConstants.FILE_WRITE_EA, "write extended attributes",
                    WindowsConstants.FILE_EXECUTE, "execute",
                    0x40, "delete child",
                    WindowsConstants.FILE_READ_ATTRIBUTES, "read attributes",
                    WindowsConstants.FILE_WRITE_ATTRIBUTES, "write attributes")),
    REGISTRY_KEY(WindowsConstants.KEY_READ, WindowsConstants.KEY_WRITE, WindowsConstants.KEY_EXECUTE,
            WindowsConstants.KEY_ALL_ACCESS,
            rights(WindowsConstants.KEY_ALL_ACCESS, "full control",
                    WindowsConstants.KEY_READ, "read"),
            rights(WindowsConstants.KEY_QUERY_VALUE, "query value",
                    WindowsConstants.KEY_SET_VALUE, "set value",
                    WindowsConstants.KEY_CREATE_SUB_KEY, "create subkey",
                    WindowsConstants.KEY_ENUMERATE_SUB_KEYS, "enumerate subkeys",
                    WindowsConstants.KEY_NOTIFY, "notify",
                    WindowsConstants.KEY_CREATE_LINK, "create link"));

    private static final Map<Integer, String> STANDARD_RIGHTS = rights(
            WindowsConstants.DELETE, "delete",
            WindowsConstants.READ_CONTROL, "read permissions",
            WindowsConstants.WRITE_DAC, "change permissions",
            WindowsConstants.WRITE_OWNER, "take ownership",
            WindowsConstants.SYNCHRONIZE, "synchronize",
            GENERIC_READ, "generic read",
            GENERIC_WRITE, "generic write",
            GENERIC_EXECUTE, "generic execute",
            GENERIC_ALL, "generic all");

    private final int read;
    private final int write;
    private final int execute;
    private final int all;
    private final Map<Integer, String> named;
    private final Map<Integer, String> specific;

    GenericMapping(int read, int write, int execute, int all, Map<Integer, String> named,
                   Map<Integer, String> specific) {
        this.read = read;
        this.write = write;
        this.execute = execute;
        this.all = all;
        this.named = named;
        this.specific = specific;
    }

    /** The mask with its generic bits replaced by the specific rights they stand for. */
    int map(int mask) {
        int mapped = mask & ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL);
        if ((mask & GENERIC_READ) != 0) {
            mapped |= read;
        }
        if ((mask & GENERIC_WRITE) != 0) {
            mapped |= write;
        }
        if ((mask & GENERIC_EXECUTE) != 0) {
            mapped |= execute;
        }
        if ((mask & GENERIC_ALL) != 0) {
            mapped |= all;
        }
        return mapped;
    }

    /** {@code read (0x00120089)}, or the rights one by one when the mask is no usual combination. */
    String describe(int mask) {
        String hex = String.format("0x%08X", mask);
        String name = named.get(mask);
        if (name != null) {
            return name + " (" + hex + ")";
        }
        if (mask == 0) {
            return "no rights (" + hex + ")";
        }
        List<String> parts = new ArrayList<>();
        int rest = mask;
        for (Map<Integer, String> table : List.of(specific, STANDARD_RIGHTS)) {
            for (Map.Entry<Integer, String> right : table.entrySet()) {
                if ((rest & right.getKey()) == right.getKey()) {
                    parts.add(right.getValue());
                    rest &= ~right.getKey();
                }
            }
        }
        if (rest != 0) {
            parts.add(String.format("0x%08X", rest));
        }
        return String.join(", ", parts) + " (" + hex + ")";
    }

    /** Pairs of mask and name, in the order they are tried. */
    private static Map<Integer, String> rights(Object... pairs) {
        Map<Integer, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((Integer) pairs[i], (String) pairs[i + 1]);
        }
        return map;
    }
}

package io.certaudit.agent.install;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a file or folder the SYSTEM task relies on can be changed only by the accounts that could already run code
 * as SYSTEM: SYSTEM, the Administrators group and TrustedInstaller (which owns the Windows and JDK-installer files).
 * Anyone else who owns it, or is granted any right that changes it, its name, its permissions or its owner, could
 * replace what the task runs; so could anyone when the object has no DACL at all, or when the name is a link that
 * leads elsewhere.
 *
 * <p>Deny entries are not credited: a write right granted and then denied is still reported, which errs on the side
 * of refusing. Inherit-only entries do not apply to the object itself and are not counted.
 */
public final class AdministratorsOnly {

    /** NT AUTHORITY\SYSTEM. */
    public static final String SYSTEM = "S-1-5-18";
    /** BUILTIN\Administrators. */
    public static final String ADMINISTRATORS = "S-1-5-32-544";
    /** NT SERVICE\TrustedInstaller, the service SID of the Windows Modules Installer. */
    public static final String TRUSTED_INSTALLER = "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464";

    /** The owners and writers that may stand behind what the SYSTEM task runs. */
    public static final Set<String> TRUSTED = Set.of(SYSTEM, ADMINISTRATORS, TRUSTED_INSTALLER);

    /**
     * Every right that changes a file or folder, what it holds, or who may change it
     * (learn.microsoft.com/windows/win32/fileio/file-access-rights-constants, .../secauthz/standard-access-rights,
     * .../secauthz/generic-access-rights): FILE_WRITE_DATA / FILE_ADD_FILE 0x2, FILE_APPEND_DATA /
     * FILE_ADD_SUBDIRECTORY 0x4, FILE_WRITE_EA 0x10, FILE_DELETE_CHILD 0x40, FILE_WRITE_ATTRIBUTES 0x100, DELETE
     * 0x10000, WRITE_DAC 0x40000, WRITE_OWNER 0x80000, GENERIC_ALL 0x10000000, GENERIC_WRITE 0x40000000.
     */
    public static final int CHANGING_RIGHTS = 0x2 | 0x4 | 0x10 | 0x40 | 0x100 | 0x10000 | 0x40000 | 0x80000
            | 0x10000000 | 0x40000000;

    /** The problem of a path where nothing is. */
    public static final String MISSING = "does not exist";

    private static final Map<String, String> NAMES = Map.of(
            SYSTEM, "SYSTEM", ADMINISTRATORS, "Administrators", TRUSTED_INSTALLER, "TrustedInstaller",
            "S-1-1-0", "Everyone", "S-1-5-11", "Authenticated Users", "S-1-5-32-545", "Users",
            "S-1-3-0", "CREATOR OWNER", "S-1-5-4", "INTERACTIVE");

    private AdministratorsOnly() {
    }

    /**
     * Why {@code path} is not safe for the SYSTEM task to rely on, or empty when only SYSTEM, Administrators and
     * TrustedInstaller own it and can change it. A descriptor that cannot be read is a reason too: what cannot be
     * checked is not trusted.
     */
    public static Optional<String> problem(FileSecurity security, String path) {
        FileAcl acl;
        try {
            acl = security.read(path);
        } catch (NoSuchFileException e) {
            return Optional.of(MISSING);
        } catch (IOException e) {
            return Optional.of("its permissions cannot be read (" + e.getMessage() + ")");
        }
        if (acl.reparsePoint()) {
            return Optional.of("is a link (symbolic link, junction or other reparse point), not the file itself");
        }
        if (acl.owner() == null || !TRUSTED.contains(acl.owner())) {
            return Optional.of("is owned by " + name(acl.owner()) + ", not by SYSTEM, Administrators or "
                    + "TrustedInstaller");
        }
        if (acl.nullDacl()) {
            return Optional.of("has no access control list, so everyone can change it");
        }
        for (FileAcl.Grant grant : acl.grants()) {
            if ((grant.mask() & CHANGING_RIGHTS) != 0 && !TRUSTED.contains(grant.sid())) {
                return Optional.of("can be changed by " + name(grant.sid()) + " (access mask 0x"
                        + Integer.toHexString(grant.mask()) + ")");
            }
        }
        return Optional.empty();
    }

    /** A SID with its well-known name when it has one. */
    static String name(String sid) {
        if (sid == null) {
            return "nobody (no owner)";
        }
        String name = NAMES.get(sid);
        return name == null ? sid : name + " (" + sid + ")";
    }
}

package io.certaudit.agent.windows.jna;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

import io.certaudit.agent.install.FileAcl;
import io.certaudit.agent.install.FileSecurity;
import io.certaudit.agent.windows.SecurityDescriptor;
import io.certaudit.agent.windows.WindowsConstants;

/**
 * File and folder security through advapi32 and kernel32: GetNamedSecurityInfoW for the owner and DACL (parsed by
 * {@link SecurityDescriptor}), CreateDirectoryW with a security descriptor so a new folder never exists with its
 * parent's permissions, and SetNamedSecurityInfoW with PROTECTED_DACL_SECURITY_INFORMATION to reset an existing one.
 * The descriptor is written in SDDL (learn.microsoft.com/windows/win32/secauthz/security-descriptor-string-format,
 * .../ace-strings): owner Administrators, a protected DACL (P) whose entries are inherited by subfolders and files
 * (OICI): SYSTEM and Administrators FILE_ALL_ACCESS (FA), Users FILE_GENERIC_READ (FR), and the task's account,
 * when it is not SYSTEM, Modify (0x1301BF: read, write, execute and delete, not WRITE_DAC or WRITE_OWNER), so it
 * can write its reports there. An account name is turned into its SID with LookupAccountName (jna-platform).
 */
public final class JnaFileSecurity implements FileSecurity {

    /** The administrators-only folder's descriptor, as SDDL. */
    static final String PROTECTED_FOLDER_SDDL = "O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FR;;;BU)";
    /** Modify: FILE_GENERIC_READ | FILE_GENERIC_WRITE | FILE_GENERIC_EXECUTE | DELETE. */
    static final String MODIFY = "0x1301bf";

    /** {@code PROTECTED_DACL_SECURITY_INFORMATION 0x80000000}: the DACL stops inheriting (MS-DTYP 2.4.7). */
    static final int PROTECTED_DACL_SECURITY_INFORMATION = 0x80000000;
    /** {@code ERROR_ALREADY_EXISTS 183} (winerror.h). */
    static final int ERROR_ALREADY_EXISTS = 183;
    /** {@code ERROR_PATH_NOT_FOUND 3} (winerror.h). */
    static final int ERROR_PATH_NOT_FOUND = 3;

    /** The advapi32.dll functions this needs (learn.microsoft.com/windows/win32/api/aclapi, .../sddl,
     * .../securitybaseapi). */
    interface Advapi32Security extends StdCallLibrary {

        /** {@code DWORD GetNamedSecurityInfoW(LPCWSTR, SE_OBJECT_TYPE, SECURITY_INFORMATION, PSID*, PSID*, PACL*,
         * PACL*, PSECURITY_DESCRIPTOR*)}; the descriptor is freed with LocalFree. */
        int GetNamedSecurityInfoW(WString objectName, int objectType, int securityInfo, PointerByReference owner,
                                  PointerByReference group, PointerByReference dacl, PointerByReference sacl,
                                  PointerByReference securityDescriptor);

        /** {@code DWORD SetNamedSecurityInfoW(LPWSTR, SE_OBJECT_TYPE, SECURITY_INFORMATION, PSID, PSID, PACL,
         * PACL)}. */
        int SetNamedSecurityInfoW(WString objectName, int objectType, int securityInfo, Pointer owner, Pointer group,
                                  Pointer dacl, Pointer sacl);

        /** {@code DWORD GetSecurityDescriptorLength(PSECURITY_DESCRIPTOR)}. */
        int GetSecurityDescriptorLength(Pointer securityDescriptor);

        /** {@code BOOL ConvertStringSecurityDescriptorToSecurityDescriptorW(LPCWSTR, DWORD, PSECURITY_DESCRIPTOR*,
         * PULONG)}; the descriptor is self-relative and freed with LocalFree. */
        boolean ConvertStringSecurityDescriptorToSecurityDescriptorW(WString sddl, int revision,
                                                                     PointerByReference securityDescriptor,
                                                                     IntByReference size);

        /** {@code BOOL GetSecurityDescriptorDacl(PSECURITY_DESCRIPTOR, LPBOOL, PACL*, LPBOOL)}. */
        boolean GetSecurityDescriptorDacl(Pointer securityDescriptor, IntByReference daclPresent,
                                          PointerByReference dacl, IntByReference daclDefaulted);
    }

    /** The kernel32.dll functions this needs (learn.microsoft.com/windows/win32/api/fileapi, .../winbase). */
    interface Kernel32Files extends StdCallLibrary {

        /** {@code BOOL CreateDirectoryW(LPCWSTR, LPSECURITY_ATTRIBUTES)}. */
        boolean CreateDirectoryW(WString path, WinBase.SECURITY_ATTRIBUTES attributes);

        /** {@code HLOCAL LocalFree(HLOCAL)}. */
        Pointer LocalFree(Pointer memory);
    }

    /** Bound on first use: commands that never install do not load JNA for this. */
    private static final class Bindings {
        static final Advapi32Security ADVAPI32 = Native.load("advapi32", Advapi32Security.class,
                W32APIOptions.UNICODE_OPTIONS);
        static final Kernel32Files KERNEL32 = Native.load("kernel32", Kernel32Files.class,
                W32APIOptions.UNICODE_OPTIONS);
    }

    @Override
    public FileAcl read(String path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(Path.of(path), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path);
        }
        // Java reports a symbolic link as such and any other reparse point (a junction, a mount point) as "other".
        boolean reparsePoint = attributes.isSymbolicLink() || attributes.isOther();
        PointerByReference descriptor = new PointerByReference();
        int status = Bindings.ADVAPI32.GetNamedSecurityInfoW(new WString(path), WindowsConstants.SE_FILE_OBJECT,
                WindowsConstants.OWNER_SECURITY_INFORMATION | WindowsConstants.DACL_SECURITY_INFORMATION, null, null,
                null, null, descriptor);
        if (status != 0) {
            throw new IOException("GetNamedSecurityInfo: " + message(status));
        }
        Pointer sd = descriptor.getValue();
        SecurityDescriptor parsed;
        try {
            parsed = SecurityDescriptor.parse(sd.getByteArray(0, Bindings.ADVAPI32.GetSecurityDescriptorLength(sd)));
        } catch (IllegalArgumentException e) {
            throw new IOException("unreadable security descriptor: " + e.getMessage(), e);
        } finally {
            Bindings.KERNEL32.LocalFree(sd);
        }
        List<FileAcl.Grant> grants = new ArrayList<>();
        for (SecurityDescriptor.Ace ace : parsed.dacl()) {
            if (ace.allows() && !ace.inheritOnly()) {
                grants.add(new FileAcl.Grant(ace.sid(), ace.mask()));
            }
        }
        return new FileAcl(parsed.owner(), parsed.nullDacl(), grants, reparsePoint);
    }

    @Override
    public void createProtectedFolder(String path, String writer) throws IOException {
        Pointer sd = protectedDescriptor(writer);
        try {
            WinBase.SECURITY_ATTRIBUTES attributes = new WinBase.SECURITY_ATTRIBUTES();
            attributes.lpSecurityDescriptor = sd;
            attributes.bInheritHandle = false;
            if (!Bindings.KERNEL32.CreateDirectoryW(new WString(path), attributes)) {
                int error = Native.getLastError();
                if (error == ERROR_ALREADY_EXISTS) {
                    throw new FileAlreadyExistsException(path);
                }
                if (error == ERROR_PATH_NOT_FOUND) {
                    throw new NoSuchFileException(path, null, "its parent folder does not exist");
                }
                throw new IOException("CreateDirectory " + path + ": " + message(error));
            }
        } finally {
            Bindings.KERNEL32.LocalFree(sd);
        }
    }

    @Override
    public void protectFolder(String path, String writer) throws IOException {
        Pointer sd = protectedDescriptor(writer);
        try {
            IntByReference present = new IntByReference();
            PointerByReference dacl = new PointerByReference();
            if (!Bindings.ADVAPI32.GetSecurityDescriptorDacl(sd, present, dacl, new IntByReference())
                    || present.getValue() == 0 || dacl.getValue() == null) {
                throw new IOException("the protected folder's DACL could not be built: "
                        + message(Native.getLastError()));
            }
            int status = Bindings.ADVAPI32.SetNamedSecurityInfoW(new WString(path), WindowsConstants.SE_FILE_OBJECT,
                    WindowsConstants.DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION, null, null,
                    dacl.getValue(), null);
            if (status != 0) {
                throw new IOException("SetNamedSecurityInfo " + path + ": " + message(status));
            }
        } finally {
            Bindings.KERNEL32.LocalFree(sd);
        }
    }

    @Override
    public String sidOf(String account) throws IOException {
        if (account.toUpperCase(java.util.Locale.ROOT).startsWith("S-1-")) {
            return account;
        }
        try {
            return Advapi32Util.getAccountByName(account).sidString;
        } catch (RuntimeException e) {
            throw new IOException("the account " + account + " cannot be found: " + e.getMessage(), e);
        }
    }

    /** The protected descriptor as SDDL, with a Modify entry for {@code writerSid} unless it is null or SYSTEM. */
    static String protectedFolderSddl(String writerSid) {
        return writerSid == null || writerSid.equals("S-1-5-18") ? PROTECTED_FOLDER_SDDL
                : PROTECTED_FOLDER_SDDL + "(A;OICI;" + MODIFY + ";;;" + writerSid + ")";
    }

    /** The protected descriptor, self-relative; the caller frees it with LocalFree. */
    private Pointer protectedDescriptor(String writer) throws IOException {
        String writerSid = writer == null ? null : sidOf(writer);
        PointerByReference sd = new PointerByReference();
        if (!Bindings.ADVAPI32.ConvertStringSecurityDescriptorToSecurityDescriptorW(new WString(
                protectedFolderSddl(writerSid)),
                WindowsConstants.SDDL_REVISION_1, sd, null)) {
            throw new IOException("ConvertStringSecurityDescriptorToSecurityDescriptor: "
                    + message(Native.getLastError()));
        }
        return sd.getValue();
    }

    private static String message(int code) {
        try {
            return Kernel32Util.formatMessage(code).strip() + " (" + code + ")";
        } catch (RuntimeException e) {
            return "error " + code;
        }
    }
}

package io.certaudit.agent.install;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * File access control in memory, keyed by path as given. A Windows path nobody described exists and is as a standard
 * install under C:\Program Files leaves it (Administrators own it; SYSTEM and Administrators may change it; Users may
 * read), unless it was listed as missing. A path of this file system (the tests' temporary folders) exists when it
 * exists on disk, and a folder created here is created there too, so commands can then write into it. Records the
 * folders it created or protected.
 */
public final class FakeFileSecurity implements FileSecurity {

    /** Full control, as FILE_ALL_ACCESS. */
    public static final int FULL_CONTROL = 0x1F01FF;
    /** Read and execute, as FILE_GENERIC_READ | FILE_GENERIC_EXECUTE. */
    public static final int READ_EXECUTE = 0x1200A9;
    /** FILE_ADD_FILE | FILE_ADD_SUBDIRECTORY: what ProgramData grants Users on its subfolders. */
    public static final int ADD_FILES_AND_FOLDERS = 0x6;

    public static final FileAcl ADMINISTRATORS_ONLY = new FileAcl(AdministratorsOnly.ADMINISTRATORS, false, List.of(
            new FileAcl.Grant(AdministratorsOnly.SYSTEM, FULL_CONTROL),
            new FileAcl.Grant(AdministratorsOnly.ADMINISTRATORS, FULL_CONTROL),
            new FileAcl.Grant("S-1-5-32-545", READ_EXECUTE)), false);

    public final Map<String, FileAcl> acls = new HashMap<>();
    public final Set<String> missing = new LinkedHashSet<>();
    public final Set<String> created = new LinkedHashSet<>();
    public final Set<String> protectedFolders = new LinkedHashSet<>();
    /** The account, besides SYSTEM and Administrators, each created or protected folder lets write. */
    public final Map<String, String> writers = new HashMap<>();

    /** An ACL owned by {@code owner} that lets {@code writer} change the object. */
    public static FileAcl writableBy(String owner, String writer) {
        return new FileAcl(owner, false, List.of(new FileAcl.Grant(AdministratorsOnly.SYSTEM, FULL_CONTROL),
                new FileAcl.Grant(AdministratorsOnly.ADMINISTRATORS, FULL_CONTROL),
                new FileAcl.Grant(writer, ADD_FILES_AND_FOLDERS | READ_EXECUTE)), false);
    }

    /** A POSIX path without backslashes: one of the tests' own files, not a Windows path the task would use. */
    private static boolean onThisFileSystem(String path) {
        return path.startsWith("/") && path.indexOf('\\') < 0;
    }

    @Override
    public FileAcl read(String path) throws IOException {
        if (missing.contains(path) || onThisFileSystem(path) && !Files.exists(Path.of(path))) {
            throw new NoSuchFileException(path);
        }
        return acls.getOrDefault(path, ADMINISTRATORS_ONLY);
    }

    @Override
    public void createProtectedFolder(String path, String writer) throws IOException {
        if (onThisFileSystem(path)) {
            Files.createDirectory(Path.of(path));
        } else if (!missing.remove(path)) {
            throw new FileAlreadyExistsException(path);
        }
        created.add(path);
        writers.put(path, writer);
        acls.put(path, ADMINISTRATORS_ONLY);
    }

    @Override
    public void protectFolder(String path, String writer) throws IOException {
        if (missing.contains(path) || onThisFileSystem(path) && !Files.isDirectory(Path.of(path))) {
            throw new NoSuchFileException(path);
        }
        protectedFolders.add(path);
        writers.put(path, writer);
        FileAcl old = acls.getOrDefault(path, ADMINISTRATORS_ONLY);
        acls.put(path, new FileAcl(old.owner(), false, ADMINISTRATORS_ONLY.grants(), old.reparsePoint()));
    }

    /** Names are their own SIDs here. */
    @Override
    public String sidOf(String account) {
        return account;
    }
}

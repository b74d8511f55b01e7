package io.certaudit.agent.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Defines one library's classes (those under {@code packagePrefix}) itself, from the bytes its parent has, so that
 * the JDK asks this loader, and only this loader, where that library's native code is: {@link #findLibrary} answers
 * with a file in certaudit's own folder, and the library's copy of its native code inside the jar is hidden.
 *
 * <p>Why: Conscrypt's loader first copies the native library it finds among its resources into the temporary
 * folder (or {@code org.conscrypt.native.workdir}) and loads that copy. A process running as SYSTEM must not load
 * code from a folder other accounts can write to, so here the resource does not exist, the copy never happens, and
 * {@code System.loadLibrary} resolves to the file an administrator installed beside {@code certaudit.jar}.
 */
final class NativeLibraryClassLoader extends ClassLoader {

    private static final String NATIVE_RESOURCES = "META-INF/native/";

    static {
        registerAsParallelCapable();
    }

    private final String packagePrefix;
    private final List<Path> libraryFolders;

    NativeLibraryClassLoader(ClassLoader parent, String packagePrefix, List<Path> libraryFolders) {
        super("certaudit-native-crypto", parent);
        this.packagePrefix = packagePrefix;
        this.libraryFolders = List.copyOf(libraryFolders);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(packagePrefix)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = defineFromParent(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> defineFromParent(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    @Override
    public URL getResource(String name) {
        return name.startsWith(NATIVE_RESOURCES) ? null : super.getResource(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return name.startsWith(NATIVE_RESOURCES) ? null : super.getResourceAsStream(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (name.startsWith(NATIVE_RESOURCES)) {
            return Collections.emptyEnumeration();
        }
        return super.getResources(name);
    }

    /**
     * The library file in one of certaudit's folders, by its platform name. Anywhere else (the JDK would go on to
     * {@code java.library.path}, which on Windows holds the working folder and {@code PATH}) loading fails.
     */
    @Override
    protected String findLibrary(String libraryName) {
        String fileName = System.mapLibraryName(libraryName);
        for (Path folder : libraryFolders) {
            Path candidate = folder.resolve(fileName);
            if (Files.isRegularFile(candidate)) {
                try {
                    return candidate.toRealPath().toString();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new UnsatisfiedLinkError(fileName + " is not in " + libraryFolders);
    }
}

package io.certaudit.model;

import java.util.Objects;

/**
 * The Windows version of the host a source read, where it knows it: the build number decides the defaults of
 * settings that changed between versions (Schannel's {@code SendTrustedIssuerList} changed with Windows Server
 * 2012 and Windows 8, build 9200).
 *
 * @param build       the build number ({@code CurrentBuildNumber}: 7601 Windows Server 2008 R2 SP1, 9200 Windows
 *                    Server 2012, 9600 Windows Server 2012 R2, 14393 Windows Server 2016, ...)
 * @param productName the product name the host gives ({@code ProductName}), or {@code null}
 * @param where       where the version was read
 */
public record WindowsVersion(int build, String productName, String where) {

    /** The key the version is read from. */
    public static final String KEY = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

    /** Windows Server 2012 and Windows 8. */
    public static final int WINDOWS_SERVER_2012 = 9200;
    /** Windows Server 2012 R2 and Windows 8.1. */
    public static final int WINDOWS_SERVER_2012_R2 = 9600;

    public WindowsVersion {
        if (build <= 0) {
            throw new IllegalArgumentException("a Windows build number is positive: " + build);
        }
        Objects.requireNonNull(where, "where");
    }

    /** {@code Windows Server 2016 Standard (build 14393)}, or {@code build 14393} without a product name. */
    public String describe() {
        return productName == null ? "build " + build : productName + " (build " + build + ")";
    }
}

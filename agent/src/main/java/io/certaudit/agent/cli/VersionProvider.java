package io.certaudit.agent.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest ({@code Implementation-Version}, filled in by Maven). */
public final class VersionProvider implements IVersionProvider {

    /** The version, or {@code development} when not running from the packaged jar. */
    public static String version() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"certaudit " + version(), "Java " + System.getProperty("java.version") + " on "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }
}

package io.certaudit.agent.remediate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.certaudit.agent.report.AtomicFile;
import io.certaudit.agent.report.OutputException;

/**
 * Writes one INF per request and a README.txt with the commands to run, into a folder. Each file is written
 * atomically and never through a link; the folder itself must not be a link either, since the scheduled audit runs
 * as SYSTEM and a prepared link would send its files elsewhere. Nothing is run: the files are advice.
 */
public final class RemediationFiles {

    /** The README beside the INF files. */
    public static final String README = "README.txt";

    private RemediationFiles() {
    }

    /** The INF of the request for a host without a service certificate. */
    public static final String NEW_INF = "certreq-new.inf";

    /** The INF file name of a request: after the certificate it replaces, or {@link #NEW_INF}. */
    public static String infName(CertificateRequest request) {
        return request.replaces() == null ? NEW_INF : infName(request.replaces());
    }

    /** The INF file name of the request that replaces the certificate with this thumbprint. */
    public static String infName(String thumbprint) {
        return "certreq-" + thumbprint + ".inf";
    }

    /**
     * Writes the files and returns their paths, INFs first. Every INF is read back and checked to hold every field
     * its request needs before anything is written.
     */
    public static List<Path> write(Path folder, List<CertificateRequest> requests) throws OutputException {
        for (CertificateRequest request : requests) {
            List<String> missing = CertreqInf.missing(InfFile.parse(CertreqInf.render(request)), request);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("the request for " + infName(request) + " lacks " + missing);
            }
        }
        prepare(folder);
        // Refuse a link among the names before writing anything, so a refusal leaves no half-written set.
        List<Path> targets = new ArrayList<>();
        requests.forEach(request -> targets.add(folder.resolve(infName(request))));
        targets.add(folder.resolve(README));
        for (Path target : targets) {
            if (Files.isSymbolicLink(target)) {
                throw new OutputException("cannot write " + target + ": it is a symbolic link, not a plain file; "
                        + "certaudit does not write through links: delete it, or give another folder", null);
            }
        }
        List<Path> written = new ArrayList<>();
        for (CertificateRequest request : requests) {
            Path inf = folder.resolve(infName(request));
            String text = CertreqInf.render(request);
            AtomicFile.write(inf, out -> out.write(text));
            written.add(inf);
        }
        Path readme = folder.resolve(README);
        String text = readme(requests);
        AtomicFile.write(readme, out -> out.write(text));
        written.add(readme);
        return written;
    }

    private static void prepare(Path folder) throws OutputException {
        if (Files.isSymbolicLink(folder) || Files.exists(folder, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputException("cannot write into " + folder + ": it is " + (Files.isSymbolicLink(folder)
                    ? "a symbolic link; certaudit does not write through links: give the real path"
                    : "not a folder"), null);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new OutputException("cannot create the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The README: what each INF is for and the three commands that turn it into an installed certificate. */
    static String readme(List<CertificateRequest> requests) {
        List<String> lines = new ArrayList<>();
        lines.add("certaudit remediate: certificate requests for what the audit found");
        lines.add("");
        lines.add("certaudit wrote these files and ran nothing. Review each .inf, then on the host that will use the");
        lines.add("certificate, in an elevated prompt (the key is made in the machine key set, MachineKeySet = TRUE,");
        lines.add("and cannot be exported, Exportable = FALSE):");
        for (CertificateRequest request : requests) {
            String inf = infName(request);
            String base = inf.substring(0, inf.length() - ".inf".length());
            lines.add("");
            lines.add(inf + (request.replaces() == null ? " (the service certificate the host lacks)"
                    : " (replaces " + request.replaces() + ")") + ":");
            lines.add("  CN=" + request.subjectCommonName() + ", SAN " + String.join(", ", sanNames(request))
                    + ", RSA " + request.keyLength() + ", " + request.provider().providerName());
            lines.add("  1. Create the key and the request:");
            lines.add("       " + CertreqSteps.newRequest(inf));
            lines.add("  2. Submit " + base + ".req to the certification authority. An enterprise CA:");
            lines.add("       " + CertreqSteps.submit(inf));
            lines.add("     A public CA: upload " + base + ".req as its instructions say, and ask for a SHA-256 RSA");
            lines.add("     signature (the CA, not the request, decides how the certificate is signed).");
            lines.add("  3. Install the issued certificate with its key:");
            lines.add("       " + CertreqSteps.accept(inf));
        }
        lines.add("");
        lines.add("Then import the CA's intermediate certificates into Intermediate Certification Authorities if");
        lines.add("they are not there, bind the new certificate in the service, remove the old one from");
        lines.add("LocalMachine\\My, and run certaudit audit again.");
        lines.add("Format and commands: Microsoft, \"certreq\" (Windows Commands),");
        lines.add("https://learn.microsoft.com/windows-server/administration/windows-commands/certreq_1");
        return String.join("\r\n", lines) + "\r\n";
    }

    private static List<String> sanNames(CertificateRequest request) {
        List<String> names = new ArrayList<>(request.dnsNames());
        names.addAll(request.ipAddresses());
        return names;
    }
}

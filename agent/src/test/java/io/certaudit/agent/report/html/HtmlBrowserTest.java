package io.certaudit.agent.report.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.certaudit.agent.report.AuditReport;
import io.certaudit.agent.report.ReportScenarios;

/**
 * The HTML report in a real browser, Debian's headless Chromium: it renders with no console message (no script
 * error, no failed load), prints, and gives the screenshot the README shows. Without Chromium on the PATH (.ci/run
 * installs it) these tests are skipped, saying why. {@code -Dcertaudit.regenerateDocs=true} copies the
 * screenshot to docs/.
 */
@Tag("external-tool")
class HtmlBrowserTest {

    static final Path SCREENSHOT = Path.of("..", "docs", "report-screenshot.png");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static Chromium chromium;

    @TempDir
    Path dir;

    @BeforeAll
    static void browser() {
        Chromium.Found found = Chromium.locate();
        assumeTrue(found.browser() != null, () -> "headless browser checks skipped: " + found.whyNot());
        chromium = found.browser();
    }

    private Path page(String name, String html) throws IOException {
        return Files.writeString(dir.resolve(name), html, StandardCharsets.UTF_8);
    }

    private Path report(AuditReport report) throws IOException {
        StringWriter html = new StringWriter();
        new HtmlReportWriter().write(report, html);
        return page("report.html", html.toString());
    }

    /** The console messages Chromium logged: any at all means a script ran and failed, or a load failed. */
    private static List<String> consoleMessages(Chromium.Run run) {
        return run.stderr().lines().filter(line -> line.contains(":CONSOLE")).toList();
    }

    @Test
    void theReportRendersWithoutAnyConsoleMessage() throws IOException {
        AuditReport report = ReportScenarios.brokenMtls();
        Chromium.Run run = chromium.open(report(report), dir.resolve("profile"), "--dump-dom");
        assertEquals(0, run.exitCode(), run::stderr);
        assertEquals(List.of(), consoleMessages(run));
        assertTrue(run.stdout().contains("class=\"chain-svg\""), "the DOM holds the chain pictures");
        assertTrue(run.stdout().contains("id=\"finding-" + report.findings().size() + "\""), "and every finding");
        assertFalse(run.stdout().contains("<parsererror"), "the browser parsed it as HTML without complaint");
    }

    @Test
    void aScriptErrorWouldBeSeen() throws IOException {
        Path broken = page("broken.html", "<!DOCTYPE html><html><body><p>x</p>"
                + "<script>certauditUndefinedFunction();</script></body></html>");
        Chromium.Run run = chromium.open(broken, dir.resolve("profile"), "--dump-dom");
        assertTrue(consoleMessages(run).stream().anyMatch(m -> m.contains("certauditUndefinedFunction")),
                () -> "the console check sees script errors: " + run.stderr());
    }

    @Test
    void aScreenshotIsTakenForTheReadme() throws IOException {
        Path png = dir.resolve("report.png");
        Chromium.Run run = chromium.open(report(ReportScenarios.brokenMtls()), dir.resolve("profile"),
                "--screenshot=" + png, "--hide-scrollbars");
        assertEquals(0, run.exitCode(), run::stderr);
        assertEquals(List.of(), consoleMessages(run));
        byte[] image = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(image, 8), "a PNG");
        ByteBuffer header = ByteBuffer.wrap(image, 16, 8);
        assertEquals(1200, header.getInt(), "width");
        assertEquals(1600, header.getInt(), "height");
        if (Boolean.getBoolean("certaudit.regenerateDocs")) {
            Files.copy(png, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(Files.isRegularFile(SCREENSHOT), "docs/report-screenshot.png, shown in the README, exists; "
                + "regenerate it with -Dcertaudit.regenerateDocs=true");
    }

    @Test
    void theReportPrints() throws IOException {
        Path pdf = dir.resolve("report.pdf");
        Chromium.Run run = chromium.open(report(ReportScenarios.brokenMtls()), dir.resolve("profile"),
                "--print-to-pdf=" + pdf, "--no-pdf-header-footer");
        assertEquals(0, run.exitCode(), run::stderr);
        byte[] document = Files.readAllBytes(pdf);
        assertEquals("%PDF", new String(document, 0, 4, StandardCharsets.US_ASCII));
        assertTrue(document.length > 10_000, "a document with content, not an empty page");
    }
}

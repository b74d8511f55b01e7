package io.certaudit.agent.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class TaskXmlTest {

    static final LocalDateTime START = LocalDateTime.parse("2026-11-21T00:00:00");

    static AuditTask audit(RunAsAccount account, String config, String outputDirectory) {
        return audit(account, config, outputDirectory, null);
    }

    static AuditTask audit(RunAsAccount account, String config, String outputDirectory, String sharingArchive) {
        return new AuditTask("\\certaudit", Duration.ofHours(6), account, config, outputDirectory,
                List.of("prometheus=C:\\Program Files\\windows_exporter\\textfile_inputs\\certaudit.prom"), true,
                "C:\\Program Files\\Eclipse Adoptium\\jdk-17\\bin\\java.exe",
                "C:\\Program Files\\certaudit\\lib\\certaudit.jar", "0.1.0", START, sharingArchive);
    }

    /** Parses as Task Scheduler would see it: namespace-aware, no DTDs. */
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** Validates against the transcribed Task Scheduler schema; throws on any violation. */
    static void validate(Document document) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Schema schema = factory.newSchema(new StreamSource(TaskXmlTest.class
                .getResource("task-scheduler-subset.xsd").toExternalForm()));
        schema.newValidator().validate(new DOMSource(document));
    }

    static String text(Document document, String element) {
        return document.getElementsByTagNameNS(TaskXml.NAMESPACE, element).item(0).getTextContent();
    }

    @Test
    void theTaskIsValidAgainstTheTaskSchedulerSchema() throws Exception {
        Document document = parse(TaskXml.toXml(audit(RunAsAccount.SYSTEM, null, "C:\\ProgramData\\certaudit")
                .definition()));
        validate(document);
        Element root = document.getDocumentElement();
        assertEquals(TaskXml.NAMESPACE, root.getNamespaceURI());
        assertEquals("Task", root.getLocalName());
        assertEquals("1.3", root.getAttribute("version"));
        assertEquals("PT6H", text(document, "Interval"));
        assertEquals("2026-11-21T00:00:00", text(document, "StartBoundary"));
        assertEquals("PT2M", text(document, "Delay"));
        assertEquals("S-1-5-18", text(document, "UserId"));
        assertEquals(0, document.getElementsByTagNameNS(TaskXml.NAMESPACE, "LogonType").getLength());
        assertEquals("HighestAvailable", text(document, "RunLevel"));
        assertEquals("Author", ((Element) document.getElementsByTagNameNS(TaskXml.NAMESPACE, "Actions").item(0))
                .getAttribute("Context"));
        assertEquals("\"C:\\Program Files\\Eclipse Adoptium\\jdk-17\\bin\\java.exe\"", text(document, "Command"));
    }

    @Test
    void theTaskRunsInTheAdministratorsOnlyInstallFolderNotTheOutputFolder() throws Exception {
        Document document = parse(TaskXml.toXml(audit(RunAsAccount.SYSTEM, null, "C:\\ProgramData\\certaudit")
                .definition()));
        assertEquals("C:\\Program Files\\certaudit\\lib", text(document, "WorkingDirectory"));
    }

    @Test
    void theTaskLoadsJnasDispatchLibraryFromTheInstallFolderAndNeverUnpacksOne() throws Exception {
        AuditTask audit = audit(RunAsAccount.SYSTEM, null, "C:\\ProgramData\\certaudit");
        List<String> arguments = ArgvRules.split(text(parse(TaskXml.toXml(audit.definition())), "Arguments"));
        assertTrue(arguments.contains("-Djna.boot.library.path=C:\\Program Files\\certaudit\\lib\\win32-x86-64;"
                + "C:\\Program Files\\certaudit\\lib\\win32-aarch64"), arguments::toString);
        assertTrue(arguments.contains("-Djna.nounpack=true"), arguments::toString);
        assertTrue(arguments.contains("-Djna.nosys=true"), arguments::toString);
        assertTrue(arguments.indexOf("-Djna.nounpack=true") < arguments.indexOf("-jar"), "a JVM option");
        assertEquals(List.of("C:\\Program Files\\certaudit\\lib\\win32-x86-64\\jnidispatch.dll",
                "C:\\Program Files\\certaudit\\lib\\win32-aarch64\\jnidispatch.dll"), audit.dispatchLibraries());
    }

    @Test
    void theSharingArchiveIsNamedOnlyWhenInstallGivesIt() throws Exception {
        AuditTask without = audit(RunAsAccount.SYSTEM, null, "C:\\data");
        assertEquals("C:\\Program Files\\certaudit\\lib\\certaudit.jsa", without.sharingArchiveBesideJar());
        assertTrue(ArgvRules.split(text(parse(TaskXml.toXml(without.definition())), "Arguments")).stream()
                .noneMatch(argument -> argument.startsWith("-XX:SharedArchiveFile")));
        AuditTask with = audit(RunAsAccount.SYSTEM, null, "C:\\data", without.sharingArchiveBesideJar());
        assertTrue(ArgvRules.split(text(parse(TaskXml.toXml(with.definition())), "Arguments"))
                .contains("-XX:SharedArchiveFile=C:\\Program Files\\certaudit\\lib\\certaudit.jsa"));
    }

    @Test
    void aJarAtADrivesRootKeepsTheRootsBackslash() {
        AuditTask audit = new AuditTask("\\certaudit", Duration.ofHours(6), RunAsAccount.SYSTEM, null, "C:\\out",
                List.of(), false, "C:\\jdk\\bin\\java.exe", "D:\\certaudit.jar", "0.1.0", START, null);
        assertEquals("D:\\", audit.installFolder());
        assertEquals("D:\\certaudit.jsa", audit.sharingArchiveBesideJar());
    }

    @Test
    void theArgumentsSplitBackIntoExactlyTheAuditsArguments() throws Exception {
        String config = "C:\\Program Files\\cert \"audit\"\\conf & <settings>.yaml";
        String output = "C:\\data dir\\";
        AuditTask audit = audit(RunAsAccount.SYSTEM, config, output);
        Document document = parse(TaskXml.toXml(audit.definition()));
        validate(document);
        List<String> arguments = ArgvRules.split(text(document, "Arguments"));
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmn64m",
                "--add-exports=java.base/sun.security.x509=ALL-UNNAMED", "-Dcertaudit.jvm=tuned"),
                AuditTask.JVM_OPTIONS,
                "the scheduled audit runs with the launchers' JVM options");
        List<String> expected = new java.util.ArrayList<>(AuditTask.JVM_OPTIONS);
        expected.addAll(audit.jnaOptions());
        expected.addAll(List.of("-jar", "C:\\Program Files\\certaudit\\lib\\certaudit.jar", "audit",
                "--config", config, "--output", "json=C:\\data dir\\audit.json", "--keep-previous",
                "--output", "prometheus=C:\\Program Files\\windows_exporter\\textfile_inputs\\certaudit.prom",
                "--event-log"));
        assertEquals(expected, arguments);
        assertEquals("C:\\data dir\\audit.previous.json", audit.previousAuditFile());
    }

    @Test
    void markupInAValueStaysTextAndCannotAddElements() throws Exception {
        AuditTask audit = audit(RunAsAccount.parse("CONTOSO\\svc</UserId><LogonType>S4U</LogonType><UserId>x"),
                "C:\\a\\</Arguments></Exec><Exec><Command>calc.exe</Command><Arguments>.yaml",
                "C:\\ProgramData\\certaudit");
        Document document = parse(TaskXml.toXml(audit.definition()));
        assertEquals(1, document.getElementsByTagNameNS(TaskXml.NAMESPACE, "Exec").getLength());
        assertEquals(1, document.getElementsByTagNameNS(TaskXml.NAMESPACE, "LogonType").getLength());
        assertEquals("Password", text(document, "LogonType"));
        assertTrue(text(document, "UserId").contains("</UserId>"));
        assertTrue(ArgvRules.split(text(document, "Arguments")).contains(audit.config()));
    }

    @Test
    void accountsMapToTheirPrincipal() throws Exception {
        Document gmsa = parse(TaskXml.toXml(audit(RunAsAccount.parse("CONTOSO\\certaudit$"), null, "C:\\out")
                .definition()));
        validate(gmsa);
        assertEquals("CONTOSO\\certaudit$", text(gmsa, "UserId"));
        assertEquals("Password", text(gmsa, "LogonType"));
        assertFalse(RunAsAccount.parse("CONTOSO\\certaudit$").promptsForPassword());
        assertTrue(RunAsAccount.parse("CONTOSO\\auditor").promptsForPassword());
        assertEquals("S-1-5-20", RunAsAccount.parse("NT AUTHORITY\\NetworkService").userId());
        assertEquals("S-1-5-19", RunAsAccount.parse("local service").userId());
        assertNull(RunAsAccount.parse("SYSTEM").logonType());
        assertThrows(IllegalArgumentException.class, () -> RunAsAccount.parse("CONTOSO\\\"x"));
    }

    @Test
    void aPercentSignIsRefusedBecauseTaskSchedulerWouldExpandIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> audit(RunAsAccount.SYSTEM, "C:\\%USERPROFILE%\\certaudit.yaml", "C:\\out"));
        assertTrue(refused.getMessage().contains("expand"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> audit(RunAsAccount.SYSTEM, null, "C:\\out\nx"));
    }

    @Test
    void theSchemaCatchesWhatTaskSchedulerWouldRefuse() throws Exception {
        Document document = parse(TaskXml.toXml(audit(RunAsAccount.SYSTEM, null, "C:\\out").definition()));
        Element actions = (Element) document.getElementsByTagNameNS(TaskXml.NAMESPACE, "Actions").item(0);
        actions.setAttribute("Context", "Nobody");
        assertThrows(SAXException.class, () -> validate(document), "Context must name a principal");
    }

    @Test
    void theFileIsUtf16LittleEndianWithAByteOrderMark() throws Exception {
        byte[] bytes = TaskXml.toFileBytes(audit(RunAsAccount.SYSTEM, null, "C:\\out").definition());
        assertEquals((byte) 0xFF, bytes[0]);
        assertEquals((byte) 0xFE, bytes[1]);
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-16\""), text);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        validate(factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)));
    }

    @Test
    void durationsAreWrittenAsTaskSchedulerWritesThem() {
        assertEquals("PT6H", TaskXml.duration(Duration.ofHours(6)));
        assertEquals("P1D", TaskXml.duration(Duration.ofHours(24)));
        assertEquals("PT30H", TaskXml.duration(Duration.ofHours(30)));
    }
}

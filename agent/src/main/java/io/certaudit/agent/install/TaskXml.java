package io.certaudit.agent.install;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Task Scheduler 2.0 definition of a {@link TaskDefinition}, built as a DOM so every value, path or account
 * name is text content escaped by the serializer and never markup. Schema: learn.microsoft.com/windows/win32/
 * taskschd/task-scheduler-schema and MS-TSCH section 2.5 (taskType is an xs:all of RegistrationInfo, Triggers,
 * Settings, Principals and the one required element, Actions; triggerBaseType is the sequence Enabled,
 * StartBoundary, EndBoundary, Repetition, ExecutionTimeLimit; Actions' Context refers to a Principal id).
 *
 * <p>Version 1.3 is the one the published XSD fixes (Windows 7 and Server 2008 R2 on); every supported Windows
 * Server reads it. Nothing newer than version 1.2 is used.
 */
public final class TaskXml {

    /** The Task Scheduler schema's namespace. */
    public static final String NAMESPACE = "http://schemas.microsoft.com/windows/2004/02/mit/task";
    /** The schema version written. */
    public static final String SCHEMA_VERSION = "1.3";
    /** The id of the one principal, named by the Actions' Context. */
    public static final String PRINCIPAL_ID = "Author";

    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private TaskXml() {
    }

    /** The document as text, declared UTF-16 as Task Scheduler exports it. */
    public static String toXml(TaskDefinition task) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            // The declaration is written by hand: the JDK's serializer puts the root element on the same line.
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter text = new StringWriter();
            text.write("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n");
            transformer.transform(new DOMSource(document(task)), new StreamResult(text));
            return text.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("the JDK cannot serialize a task definition", e);
        }
    }

    /** The file schtasks /XML reads: UTF-16 little-endian with a byte order mark, as Task Scheduler writes. */
    public static byte[] toFileBytes(TaskDefinition task) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xFF);
        bytes.write(0xFE);
        try {
            bytes.write(toXml(task).getBytes(StandardCharsets.UTF_16LE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Document document(TaskDefinition task) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            document = factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK has no DOM builder", e);
        }
        document.setXmlStandalone(true);
        Builder xml = new Builder(document);
        Element root = document.createElementNS(NAMESPACE, "Task");
        root.setAttribute("version", SCHEMA_VERSION);
        document.appendChild(root);

        Element registration = xml.child(root, "RegistrationInfo");
        xml.text(registration, "Author", "certaudit");
        xml.text(registration, "Version", task.version());
        xml.text(registration, "Description", task.description());
        xml.text(registration, "URI", task.path());

        Element triggers = xml.child(root, "Triggers");
        Element boot = xml.child(triggers, "BootTrigger");
        boot.setAttribute("id", "AtBoot");
        xml.text(boot, "Enabled", "true");
        xml.text(boot, "Delay", duration(task.bootDelay()));
        Element time = xml.child(triggers, "TimeTrigger");
        time.setAttribute("id", "Repeat");
        xml.text(time, "Enabled", "true");
        xml.text(time, "StartBoundary", LOCAL_DATE_TIME.format(task.startBoundary()));
        Element repetition = xml.child(time, "Repetition");
        xml.text(repetition, "Interval", duration(task.interval()));
        xml.text(repetition, "StopAtDurationEnd", "false");

        Element principal = xml.child(xml.child(root, "Principals"), "Principal");
        principal.setAttribute("id", PRINCIPAL_ID);
        xml.text(principal, "UserId", task.account().userId());
        if (task.account().logonType() != null) {
            xml.text(principal, "LogonType", task.account().logonType());
        }
        xml.text(principal, "RunLevel", "HighestAvailable");

        Element settings = xml.child(root, "Settings");
        // A run still going when the next is due is left to finish; a missed run (host off) runs when it can.
        xml.text(settings, "MultipleInstancesPolicy", "IgnoreNew");
        xml.text(settings, "DisallowStartIfOnBatteries", "false");
        xml.text(settings, "StopIfGoingOnBatteries", "false");
        xml.text(settings, "AllowHardTerminate", "true");
        xml.text(settings, "StartWhenAvailable", "true");
        xml.text(settings, "RunOnlyIfNetworkAvailable", "false");
        xml.text(settings, "AllowStartOnDemand", "true");
        xml.text(settings, "Enabled", "true");
        xml.text(settings, "Hidden", "false");
        xml.text(settings, "RunOnlyIfIdle", "false");
        xml.text(settings, "WakeToRun", "false");
        xml.text(settings, "ExecutionTimeLimit", duration(task.executionLimit()));
        xml.text(settings, "Priority", "7");

        Element actions = xml.child(root, "Actions");
        actions.setAttribute("Context", PRINCIPAL_ID);
        Element exec = xml.child(actions, "Exec");
        // The Task Scheduler UI writes a program path that holds spaces in quotes; the same is done here.
        xml.text(exec, "Command", WindowsCommandLine.quote(task.command()));
        if (!task.arguments().isEmpty()) {
            xml.text(exec, "Arguments", WindowsCommandLine.join(task.arguments()));
        }
        if (task.workingDirectory() != null) {
            xml.text(exec, "WorkingDirectory", task.workingDirectory());
        }
        return document;
    }

    /** xs:duration as Task Scheduler writes it: PT6H, PT2M, P1D. */
    static String duration(Duration duration) {
        if (duration.toSeconds() % 86_400 == 0) {
            return "P" + duration.toDays() + "D";
        }
        return duration.toString();
    }

    /** Element and text helpers in the task namespace. */
    private record Builder(Document document) {
        Element child(Element parent, String name) {
            Element element = document.createElementNS(NAMESPACE, name);
            parent.appendChild(element);
            return element;
        }

        void text(Element parent, String name, String value) {
            child(parent, name).setTextContent(value);
        }
    }
}

package io.certaudit.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** docs/cli.md is the help of every command; this fails when it no longer matches the code. */
class CliReferenceTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "cli.md");

    static String reference() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.<String, String>of()::get);
        root.setUsageHelpWidth(100);
        StringBuilder md = new StringBuilder("<!-- Generated from the picocli command model by CliReferenceTest. "
                + "Do not edit. -->\n# Command-line reference\n");
        append(md, root);
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandName().equals("help")) {
                sub.setUsageHelpWidth(100);
                append(md, sub);
            }
        }
        return md.toString();
    }

    private static void append(StringBuilder md, CommandLine command) {
        md.append("\n## ").append(command.getCommandSpec().qualifiedName()).append("\n\n```text\n")
                .append(command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()).append("\n```\n");
    }

    @Test
    void docsCliMdMatchesTheCommands() throws Exception {
        String generated = reference();
        if (Boolean.getBoolean("certaudit.regenerateDocs")) {
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : "";
        assertEquals(generated, committed, "docs/cli.md is stale: regenerate it with "
                + "mvn -q -Pregenerate test");
    }
}

package io.certaudit.agent.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import com.sun.jna.platform.win32.Shell32Util;

class WindowsCommandLineTest {

    /** Arguments that break naive quoting: spaces, quotes, trailing backslashes, backslashes before quotes. */
    static final List<String> HARD = List.of(
            "plain",
            "C:\\Program Files\\certaudit\\config.yaml",
            "C:\\Program Files\\certaudit\\",
            "C:\\ends with two\\\\",
            "C:\\data\\no-spaces\\",
            "\\\\server\\share with space\\",
            "say \"hello\"",
            "back\\\"slash-quote",
            "\\\"",
            "\"",
            "",
            "tab\there",
            "json=C:\\ProgramData\\cert audit\\audit.json",
            "C:\\x\" --source \"C:\\evil");

    @Test
    void eachArgumentSurvivesTheWindowsSplittingRules() {
        String line = WindowsCommandLine.join(HARD);
        assertEquals(HARD, ArgvRules.split(line), line);
    }

    @Test
    void simpleArgumentsStayBareAndOthersAreQuotedAsDocumented() {
        assertEquals("plain", WindowsCommandLine.quote("plain"));
        assertEquals("C:\\no\\spaces\\", WindowsCommandLine.quote("C:\\no\\spaces\\"));
        assertEquals("\"C:\\Program Files\\certaudit\\\\\"", WindowsCommandLine.quote("C:\\Program Files\\certaudit\\"));
        assertEquals("\"say \\\"hello\\\"\"", WindowsCommandLine.quote("say \"hello\""));
        assertEquals("\"a\\\\\\\"b\"", WindowsCommandLine.quote("a\\\"b"));
        assertEquals("\"\"", WindowsCommandLine.quote(""));
    }

    @Test
    void anInjectedQuoteCannotStartANewArgument() {
        List<String> arguments = List.of("--config", "C:\\x\" --source \"C:\\evil", "--keep-previous");
        List<String> split = ArgvRules.split(WindowsCommandLine.join(arguments));
        assertEquals(3, split.size(), split::toString);
        assertEquals(arguments, split);
    }

    @Test
    void aNulCannotBePassed() {
        assertThrows(IllegalArgumentException.class, () -> WindowsCommandLine.quote("a\0b"));
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void windowsOwnCommandLineToArgvWSplitsItBackTheSameWay() {
        String[] argv = Shell32Util.CommandLineToArgv("program.exe " + WindowsCommandLine.join(HARD));
        assertEquals(HARD, List.of(argv).subList(1, argv.length));
    }
}

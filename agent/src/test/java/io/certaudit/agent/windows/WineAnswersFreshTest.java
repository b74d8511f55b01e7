package io.certaudit.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The Wine lane over a recording made now: {@code wine/make-answers.sh} builds {@code record_answers.c} with
 * mingw-w64 and runs it under this machine's Wine, with new certificates, and the same checks run over its
 * answers. So a change to the program, or a Wine that answers differently, shows in the build and not only
 * when someone regenerates the committed file. Skipped, saying why, where wine, mingw-w64 or openssl is missing.
 */
@EnabledOnOs(OS.LINUX)
@Tag("external-tool")
class WineAnswersFreshTest extends WineAnswersChecks {

    private Path work;

    @Override
    WineAnswers record() throws Exception {
        for (String tool : new String[] {"wine", "wineboot", "wineserver", "x86_64-w64-mingw32-gcc", "openssl"}) {
            NativeTools.require(tool, "recording fresh Wine answers");
        }
        work = Files.createTempDirectory("certaudit-wine");
        for (String file : new String[] {"make-answers.sh", "record_answers.c"}) {
            try (InputStream in = WineAnswersFreshTest.class.getResourceAsStream("wine/" + file)) {
                Files.copy(in, work.resolve(file));
            }
        }
        Path out = Files.createDirectory(work.resolve("out"));
        Process process = new ProcessBuilder("sh", "make-answers.sh", out.toString()).directory(work.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> "make-answers.sh failed:\n" + output);
        return WineAnswers.load(out.resolve("answers.txt"));
    }

    @AfterAll
    void removeWork() throws Exception {
        if (work != null) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}

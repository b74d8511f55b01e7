package io.certaudit.agent.install;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs programs with {@link ProcessBuilder}, reading their output in the platform's console encoding. */
public final class ProcessCommandRunner implements CommandRunner {

    @Override
    public Result run(List<String> command, boolean interactive) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (interactive) {
            builder.inheritIO();
            return new Result(builder.start().waitFor(), "", "");
        }
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        Charset charset = Charset.forName(System.getProperty("native.encoding", Charset.defaultCharset().name()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream(), charset));
        String out = read(process.getInputStream(), charset);
        int exit = process.waitFor();
        return new Result(exit, out, err.join());
    }

    private static String read(InputStream stream, Charset charset) {
        try (stream) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            stream.transferTo(bytes);
            return bytes.toString(charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

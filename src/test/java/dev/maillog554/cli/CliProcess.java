package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the packaged command line (jar, or native binary with {@code -Dnative}) as a real child process,
 * with stdout and stderr in files so that a killed process leaves them readable.
 */
final class CliProcess {

    final Process process;
    final Path out;
    final Path err;

    private CliProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code maillog554 args...} in {@code dir} (also where its stdout and stderr go, named by tag). */
    static CliProcess start(Path dir, String tag, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = StdinIT.command();
        if (cmd.size() > 1) {
            // The jar's path is relative to the project; the process may run elsewhere.
            cmd.set(cmd.size() - 1, Path.of(cmd.get(cmd.size() - 1)).toAbsolutePath().toString());
        }
        cmd.addAll(List.of(args));
        Path out = dir.resolve(tag + ".out");
        Path err = dir.resolve(tag + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("MAILLOG554_DEBUG");
        pb.environment().remove("MAILLOG554_API_TOKEN");
        pb.environment().putAll(env);
        return new CliProcess(pb.start(), out, err);
    }

    /** Runs to the end (at most two minutes) and returns the exit code. */
    static CliProcess run(Path dir, String tag, String... args) throws IOException, InterruptedException {
        CliProcess p = start(dir, tag, Map.of(), args);
        p.await();
        return p;
    }

    int await() throws InterruptedException {
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        assertTrue(ended, "maillog554 finished within two minutes");
        return process.exitValue();
    }

    int exitCode() {
        return process.exitValue();
    }

    String stdout() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        try {
            return "exit " + (process.isAlive() ? "-" : process.exitValue()) + ", stderr:\n" + stderr();
        } catch (IOException e) {
            return e.toString();
        }
    }
}

package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
        return start(dir, tag, env, false, args);
    }

    /**
     * Starts like {@link #start} but reads stderr through a pipe (still copied to its file), so that
     * {@link #awaitErrLine} can block until the process says something rather than poll for a state.
     */
    static CliProcess startWatching(Path dir, String tag, Map<String, String> env, String... args)
            throws IOException {
        return start(dir, tag, env, true, args);
    }

    private static CliProcess start(Path dir, String tag, Map<String, String> env, boolean watch, String... args)
            throws IOException {
        List<String> cmd = StdinIT.command();
        if (cmd.size() > 1) {
            // The jar's path is relative to the project; the process may run elsewhere.
            cmd.set(cmd.size() - 1, Path.of(cmd.get(cmd.size() - 1)).toAbsolutePath().toString());
        }
        cmd.addAll(List.of(args));
        Path out = dir.resolve(tag + ".out");
        Path err = dir.resolve(tag + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(watch ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.to(err.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("MAILLOG554_DEBUG");
        pb.environment().remove("MAILLOG554_API_TOKEN");
        pb.environment().putAll(env);
        CliProcess p = new CliProcess(pb.start(), out, err);
        if (watch) {
            Thread copier = new Thread(p::copyErr, "stderr of " + tag);
            copier.setDaemon(true);
            copier.start();
        }
        return p;
    }

    private final BlockingQueue<Optional<String>> errLines = new LinkedBlockingQueue<>();

    /** Copies the piped stderr to its file, line by line, and hands each line to {@link #awaitErrLine}. */
    private void copyErr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                Files.writeString(err, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                errLines.add(Optional.of(line));
            }
        } catch (IOException e) {
            // the process went away; the end of the lines says so
        }
        errLines.add(Optional.empty());
    }

    /**
     * Blocks until a line of stderr starts with {@code prefix} (process started with {@link #startWatching}), and
     * fails if stderr ends first; the timeout is only a safety net against a hung process.
     */
    String awaitErrLine(String prefix) throws InterruptedException, IOException {
        while (true) {
            Optional<String> line = errLines.poll(120, TimeUnit.SECONDS);
            assertNotNull(line, "no line '" + prefix + "...' within two minutes: " + this);
            assertTrue(line.isPresent(), "stderr ended before a line '" + prefix + "...': " + this);
            if (line.get().startsWith(prefix)) {
                return line.get();
            }
        }
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

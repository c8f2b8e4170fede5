package dev.maillog554.cli;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.maillog554.scan.ScanService;
import io.quarkus.picocli.runtime.PicocliRunner;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;

/**
 * What {@link dev.maillog554.Main} runs: the start-up that must happen outside picocli. It reads the database
 * options before Quarkus starts (the datasource is built at start-up, before picocli parses the command, so
 * {@code --db-url}, {@code --db-user}, {@code --db-password} and {@code --data-dir} become the configuration keys
 * they stand for, and so do {@code serve}'s {@code --host}, {@code --port}, {@code --redact} and
 * {@code --token-file}, see {@link ServeOptions}, which also refuses a {@code serve} other machines could reach
 * without a token), and turn a failed start-up into one line on stderr and an exit code: start-up fails before
 * picocli's exception handler exists.
 */
public final class Startup {

    /** How long a {@code --wait} run sleeps before starting again after a busy start-up. */
    static final long RETRY_MILLIS = 500;
    /** Set in the environment of a {@code --wait} run started again: it reports a busy start-up to its parent. */
    static final String RESTARTED = "MAILLOG554_RESTARTED";

    /** H2's system property for its string and value cache; see {@link #main}. */
    static final String H2_OBJECT_CACHE = "h2.objectCache";

    private Startup() {
    }

    /** Set by a JVM shutdown hook: a signal (SIGTERM, Ctrl-C) is stopping the process. */
    private static volatile boolean stopping;

    /** The message for a command cut short by a signal; its errors are the side effects of the shutdown. */
    static final String STOPPED = "stopped by a signal before the end: what was stored is kept, "
            + "and the next scan goes on from there";

    /** True once the JVM has begun shutting down (a signal); then a failing command was merely cut short. */
    static boolean stopping() {
        return stopping;
    }

    /** Runs the command line; the process's exit code is set through Quarkus's exit handler. */
    public static void run(String... args) {
        // Quarkus closes the database when the JVM stops; the command then fails with whatever H2 or Hibernate
        // says about that. Knowing a signal came first turns that into one clear line.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "maillog554-stopping"));
        // H2 shares equal strings and values it reads through a small cache, which hashes every string of
        // every row: a fifth of the CPU of `report` over millions of rows, for no gain in a run that reads each
        // row once. Set before H2's first use (its SysProperties reads this once); an explicit -D wins.
        if (System.getProperty(H2_OBJECT_CACHE) == null) {
            System.setProperty(H2_OBJECT_CACHE, "false");
        }
        StartupArgs parsed = StartupArgs.parse(args);
        boolean database = parsed.needsDatabase();
        // explain, help, version and a command line picocli refuses (it says why) never touch the history: they
        // must work while a scan holds it. The keys are cleared otherwise, because tests run many commands in
        // one JVM.
        for (String unit : List.of("", ".\"pg\"")) {
            for (String key : List.of("quarkus.datasource" + unit + ".active", "quarkus.hibernate-orm" + unit
                    + ".active")) {
                if (database) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, "false");
                }
            }
        }
        if (!database) {
            Quarkus.run(PicocliRunner.class, args);
            return;
        }
        // Before anything else, so that a serve that may not start touches neither a port nor the database.
        String notServed = ServeOptions.apply(parsed);
        if (notServed != null) {
            System.err.println("maillog554: " + notServed);
            System.err.flush();
            exit(ExitCodes.BAD_INPUT);
            return;
        }
        DataHome.publish();
        DatabaseOptions.apply(parsed);
        boolean wait = parsed.flag("--wait");
        int refused = EmbeddedDbGuard.awaitFree(wait);
        if (refused != EmbeddedDbGuard.PROCEED) {
            exit(refused);
            return;
        }
        Outcome outcome = new Outcome(wait);
        Quarkus.run(PicocliRunner.class, outcome::record, args);
        if (wait && outcome.busy) {
            // Another process opened the file between our check and start-up (a URL from a config file is not
            // checked). Quarkus starts once per process, so --wait queues by running the command again.
            exit(System.getenv(RESTARTED) != null ? ExitCodes.BUSY : restartUntilFree());
            return;
        }
        exit(outcome.code);
    }

    // The parent stays, so cron and systemd see one process and its final exit code.
    private static int restartUntilFree() {
        ProcessHandle.Info self = ProcessHandle.current().info();
        if (self.command().isEmpty() || self.arguments().isEmpty()) {
            System.err.println("maillog554: " + EmbeddedDbGuard.BUSY_MESSAGE);
            return ExitCodes.BUSY;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(self.command().get());
        cmd.addAll(Arrays.asList(self.arguments().get()));
        try {
            while (true) {
                sleep();
                ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
                pb.environment().put(RESTARTED, "1");
                int code = pb.start().waitFor();
                if (code != ExitCodes.BUSY) {
                    return code;
                }
            }
        } catch (IOException e) {
            System.err.println("maillog554: cannot start again to wait for the database: " + e.getMessage()
                    + ": run it later");
            return ExitCodes.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.BUSY;
        }
    }

    /** What a finished or failed start-up handed to the exit handler. */
    private static final class Outcome {
        final boolean wait;
        int code;
        boolean busy;

        Outcome(boolean wait) {
            this.wait = wait;
        }

        void record(Integer exitCode, Throwable failure) {
            // Start-up is over either way: the pool holds the database now, or nothing does.
            EmbeddedDbGuard.release();
            code = exitCode;
            if (failure == null) {
                return;
            }
            busy = EmbeddedDbGuard.isBusy(failure);
            code = busy ? ExitCodes.BUSY : ExitCodes.FAILURE;
            if (busy) {
                // With --wait the command starts again until the file is free, quietly: the busy file is no
                // failure to report (H2 says it as an I/O error, which Failures would describe as one).
                if (!wait) {
                    System.err.println("maillog554: " + EmbeddedDbGuard.BUSY_MESSAGE);
                }
            } else if (stopping) {
                System.err.println("maillog554: " + STOPPED);
            } else if (outOfMemory(failure)) {
                // an Error from the command itself: picocli's handler only sees Exceptions
                System.err.println("maillog554: out of memory: " + ScanService.OUT_OF_MEMORY_HINT);
            } else if (Failures.describe(failure).isPresent()) {
                System.err.println("maillog554: " + Failures.describe(failure).get());
            } else {
                System.err.println("maillog554: cannot start: " + rootMessage(failure)
                        + ": check --db-url, --data-dir and the database server (MAILLOG554_DEBUG=1 shows details)");
            }
            if (System.getenv("MAILLOG554_DEBUG") != null) {
                failure.printStackTrace();
            }
            System.err.flush();
        }
    }

    /** True when an OutOfMemoryError is the failure or one of its causes. */
    static boolean outOfMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    // The database's own words say best what failed ("Connection to db:5432 refused. Check that the hostname
    // ...", "Error while creating file ..."): the deepest SQLException, else the deepest message.
    static String rootMessage(Throwable failure) {
        String found = failure.getClass().getSimpleName();
        String sql = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank()) {
                found = m;
                sql = t instanceof SQLException ? m : sql;
            }
        }
        return (sql == null ? found : sql).strip().replaceAll("\\s*\\R\\s*", " ");
    }

    // The default handler is System.exit in production and the launcher's recorder in @QuarkusMainTest.
    private static void exit(int code) {
        ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(code, null);
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

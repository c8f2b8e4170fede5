package dev.maillog554.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

/**
 * Embedded H2 lets one process open a database file at a time; a second process would fail deep inside
 * start-up with "Database may be already in use". We keep that exclusive mode on purpose (AUTO_SERVER would
 * open a TCP port on the mail server) and check it before Quarkus starts: busy means exit code 5 with one
 * line, or with {@code --wait}, waiting. The connection that passed the check stays open until start-up is
 * over, so the file is ours from the check on: two processes started together cannot both pass the check and
 * then collide inside start-up. A URL set only in a config file is not seen here (the check then looks at the
 * default data folder); {@link Startup} then maps H2's start-up failure to the same line and, with {@code --wait},
 * starts again. The run lock in the database covers PostgreSQL and anything else.
 */
final class EmbeddedDbGuard {

    /** H2's DATABASE_ALREADY_OPEN_1 error code. */
    static final int H2_ALREADY_OPEN = 90020;
    /** The one line a busy database gets, on every path. */
    static final String BUSY_MESSAGE = "another maillog554 run is using the history database: "
            + "try again later, or pass --wait to queue behind it";

    /** {@link #awaitFree} found nothing in the way: start Quarkus. */
    static final int PROCEED = -1;

    // The connection that holds the file through start-up; H2 shares the open database with the pool's ones.
    private static Connection held;

    private EmbeddedDbGuard() {
    }

    // A system property (from the options), else the environment variable Quarkus would map to the key.
    private static String setting(String key, String fallback) {
        String v = System.getProperty(key);
        if (v == null) {
            v = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return v == null ? fallback : v;
    }

    /** The H2 URL start-up will open, exactly as application.properties builds it; null when not embedded H2. */
    static String embeddedUrl() {
        String url = setting("maillog554.db.url", null);
        if (url == null) {
            // The default in application.properties, rebuilt here because config is not up before start-up. The
            // same string matters: H2 shares one open database only between identical settings.
            String dir = setting("maillog554.data-dir", DataHome.publish());
            url = "jdbc:h2:file:" + dir + "/maillog554;DB_CLOSE_ON_EXIT=FALSE";
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:h2:tcp:")
                || lower.startsWith("jdbc:h2:ssl:")) {
            return null;
        }
        return url;
    }

    /**
     * Waits until the embedded database is ours (held open), or not embedded, or fails in a way start-up reports.
     *
     * @return {@link #PROCEED}, or the exit code after one line on stderr (busy, or a folder that cannot be made)
     */
    static int awaitFree(String[] args) {
        String url = embeddedUrl();
        if (url == null) {
            return PROCEED;
        }
        PrintStream err = System.err;
        Path folder = folder(url);
        try {
            if (folder != null) {
                Files.createDirectories(folder);
            }
        } catch (IOException | InvalidPathException e) {
            // H2 would print its trace-file failures to stderr, stack traces and all, before failing.
            err.println("maillog554: cannot create the database folder: " + folder + ": " + Failures.reason(e)
                    + ": pass a writable --data-dir");
            return ExitCodes.FAILURE;
        }
        Properties props = new Properties();
        props.setProperty("user", setting("maillog554.db.user", "sa"));
        props.setProperty("password", setting("maillog554.db.password", ""));
        boolean wait = Arrays.asList(args).contains("--wait");
        while (true) {
            try {
                hold(new org.h2.Driver().connect(url, props));
                return PROCEED;
            } catch (SQLException e) {
                if (!isBusy(e)) {
                    return PROCEED; // start-up reports any other problem, in one line through Main
                }
                if (!wait) {
                    err.println("maillog554: " + BUSY_MESSAGE);
                    return ExitCodes.BUSY;
                }
            }
            try {
                Thread.sleep(Startup.RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return PROCEED;
            }
        }
    }

    // jdbc:h2:file:/var/lib/maillog554/maillog554;DB_CLOSE_ON_EXIT=FALSE -> /var/lib/maillog554 (~ is the home).
    static Path folder(String url) {
        String path = url.substring("jdbc:h2:".length());
        path = path.startsWith("file:") ? path.substring("file:".length()) : path;
        int semi = path.indexOf(';');
        path = semi < 0 ? path : path.substring(0, semi);
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path).toAbsolutePath().getParent();
    }


    /** True when {@code e} or one of its causes is H2 refusing a file another process has open. */
    static boolean isBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_ALREADY_OPEN) {
                return true;
            }
            String m = t.getMessage();
            // Flyway and Hibernate sometimes wrap the message without the SQLException.
            if (m != null && (m.contains("Database may be already in use") || m.contains("[90020-"))) {
                return true;
            }
        }
        return false;
    }

    private static synchronized void hold(Connection c) {
        held = c;
    }

    /** Closes the start-up connection: the pool has its own by now, or start-up failed. Safe to call twice. */
    static synchronized void release() {
        if (held == null) {
            return;
        }
        try {
            held.close();
        } catch (SQLException ignored) {
            // closing a connection to a database we only held open: nothing to recover
        } finally {
            held = null;
        }
    }
}

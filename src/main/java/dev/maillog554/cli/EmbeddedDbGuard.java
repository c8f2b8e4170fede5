package dev.maillog554.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;

/**
 * Embedded H2 lets one process open a database file at a time; a second process would fail deep inside
 * start-up with "Database may be already in use". We keep that exclusive mode on purpose (AUTO_SERVER would
 * open a TCP port on the mail server) and check it before Quarkus starts: busy means exit code 5 with one
 * line, or with {@code --wait}, waiting. A URL set only in a config file is not seen here; start-up then fails
 * with H2's own message. The run lock in the database covers PostgreSQL and anything else.
 */
final class EmbeddedDbGuard {

    /** H2's DATABASE_ALREADY_OPEN_1 error code. */
    static final int H2_ALREADY_OPEN = 90020;

    private EmbeddedDbGuard() {
    }

    // A system property (from the options), else the environment variable Quarkus would map to the key.
    private static String setting(String key, String fallback) {
        String v = System.getProperty(key);
        if (v == null) {
            v = System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return v == null ? fallback : v;
    }

    static void awaitFree(String[] args) {
        String url = setting("maillog554.db.url", null);
        if (url == null) {
            // The default in application.properties, rebuilt here because config is not up before start-up.
            String dir = setting("maillog554.data-dir", System.getProperty("user.home") + "/.local/share/maillog554");
            url = "jdbc:h2:file:" + dir + "/maillog554";
        }
        Properties props = new Properties();
        props.setProperty("user", setting("maillog554.db.user", "sa"));
        props.setProperty("password", setting("maillog554.db.password", ""));
        if (!url.startsWith("jdbc:h2:file:") && !url.startsWith("jdbc:h2:~") && !url.startsWith("jdbc:h2:./")) {
            return;
        }
        boolean wait = Arrays.asList(args).contains("--wait");
        PrintStream err = System.err;
        while (true) {
            try (Connection c = new org.h2.Driver().connect(url, props)) {
                return;
            } catch (SQLException e) {
                if (e.getErrorCode() != H2_ALREADY_OPEN) {
                    return; // start-up reports any other problem in its own words
                }
                if (!wait) {
                    err.println("maillog554: another maillog554 run is using the history database: "
                            + "try again later, or pass --wait to queue behind it");
                    System.exit(ExitCodes.BUSY);
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

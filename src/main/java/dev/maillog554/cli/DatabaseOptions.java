package dev.maillog554.cli;

import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * The database options shared by every command that uses the history. Picocli parses them for help and
 * validation; {@link #apply(StartupArgs)} has already turned them into system properties before start-up.
 */
public class DatabaseOptions {

    /** Option name to the configuration key it sets. */
    static final Map<String, String> KEYS = Map.of(
            "--db-url", "maillog554.db.url",
            "--db-user", "maillog554.db.user",
            "--db-password", "maillog554.db.password",
            "--data-dir", "maillog554.data-dir");

    @Option(names = "--data-dir", paramLabel = "<dir>",
            description = "Folder of the embedded H2 database (default: $XDG_DATA_HOME/maillog554 or "
                    + "~/.local/share/maillog554, "
                    + "or config key maillog554.data-dir).")
    String dataDir;

    @Option(names = "--db-url", paramLabel = "<jdbc-url>",
            description = "JDBC URL of the history database, e.g. jdbc:postgresql://db.example.org/maillog554 "
                    + "(config key maillog554.db.url).")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "<user>", description = "Database user (maillog554.db.user).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "<password>",
            description = "Database password (maillog554.db.password; prefer the environment variable "
                    + "MAILLOG554_DB_PASSWORD, which other users cannot see in ps).")
    String dbPassword;

    /** Copies the database options given into system properties, before Quarkus reads its configuration. */
    static void apply(StartupArgs args) {
        KEYS.forEach((option, key) -> {
            String value = args.value(option);
            if (value == null) {
                return;
            }
            // H2 refuses a file URL "implicitly relative to the current working directory" (error 90011).
            if ("--data-dir".equals(option) && !value.isEmpty()) {
                value = Path.of(value).toAbsolutePath().toString();
            }
            System.setProperty(key, value);
        });
    }
}

package dev.maillog554.cli;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that turns a failure the user can fix into one line saying what failed and what to do, without
 * the framework's own text (SQL, class names, store dumps): that stays for MAILLOG554_DEBUG=1. Both the command
 * handler ({@link CommandLineConfig}) and the start-up path ({@link Startup}) ask here.
 */
final class Failures {

    /** H2 error codes (org.h2.api.ErrorCode), compared by number so that PostgreSQL-only builds need no H2. */
    static final int H2_READ_ONLY = 90097;
    static final int H2_FILE_CORRUPTED = 90030;
    static final int H2_IO_EXCEPTION = 90028;
    static final int H2_GENERAL_ERROR = 50000;

    private static final Pattern PG_HOST = Pattern.compile("jdbc:postgresql://([^/?;]+)");
    private static final String DISK_FULL = "no space left on device";

    private Failures() {
    }

    /** The line for a failure with a known cause and remedy; empty for anything else. */
    static Optional<String> describe(Throwable failure) {
        Optional<String> db = database(failure);
        if (db.isPresent()) {
            return db;
        }
        if (find(failure, BindException.class) != null || anyMessage(failure, "port(s) already bound")
                || anyMessage(failure, "address already in use")) {
            return Optional.of("cannot serve: port " + System.getProperty("quarkus.http.port", "8554")
                    + " is already in use: stop the program that listens there, or pass another --port");
        }
        return reportFolder(failure);
    }

    // SQL errors, by their codes: H2's numbers, PostgreSQL's SQL states.
    private static Optional<String> database(Throwable failure) {
        String where = where();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!(t instanceof SQLException sql)) {
                continue;
            }
            String state = sql.getSQLState() == null ? "" : sql.getSQLState();
            if (sql.getErrorCode() == H2_READ_ONLY || "25006".equals(state)) {
                return Optional.of("the history database is read-only: " + where + ": make it writable for this "
                        + "user (file permissions, a read-only mount, ACCESS_MODE_DATA=r in --db-url)");
            }
            if (sql.getErrorCode() == H2_FILE_CORRUPTED || corruptStore(t)) {
                return Optional.of("the history database file is damaged: " + where + ": restore it from a backup, "
                        + "or rescue what H2 can read with its Recover tool (java -cp h2.jar org.h2.tools.Recover "
                        + "-dir " + folder() + ", then RunScript into a new database)");
            }
            if ("53100".equals(state) || anyMessage(t, DISK_FULL)) {
                return Optional.of(diskFull(where));
            }
            if (sql.getErrorCode() == H2_IO_EXCEPTION || sql.getErrorCode() == H2_GENERAL_ERROR && h2Store(t)) {
                return Optional.of("cannot read or write the history database: " + where + ": check that its disk "
                        + "has free space and works, then run again");
            }
            if (state.startsWith("28")) {
                return Optional.of("the database refused the login of user '" + System.getProperty(
                        "maillog554.db.user", "sa") + "': " + where + ": check --db-user and the password "
                        + "(MAILLOG554_DB_PASSWORD)");
            }
            if (state.startsWith("08") && where.startsWith("PostgreSQL")) {
                return Optional.of("cannot reach " + where + ": check --db-url and that the server is running and "
                        + "accepts connections");
            }
        }
        // H2 sometimes surfaces a store failure as a bare MVStore error, without an SQLException around it.
        if (corruptStore(failure)) {
            return database(new SQLException("damaged", "90030", H2_FILE_CORRUPTED));
        }
        if (h2Store(failure)) {
            return Optional.of(anyMessage(failure, DISK_FULL) ? diskFull(where) : "cannot read or write the "
                    + "history database: " + where + ": check that its disk has free space and works, then run again");
        }
        return Optional.empty();
    }

    private static boolean h2Store(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().endsWith("MVStoreException")) {
                return true;
            }
        }
        return false;
    }

    /** The line for a database failure with no known remedy: its codes, not its text (SQL, store dumps). */
    static Optional<String> unknownDatabase(Throwable failure) {
        SQLException sql = find(failure, SQLException.class);
        if (sql == null) {
            return Optional.empty();
        }
        return Optional.of("the history database failed (" + where() + ", error " + sql.getErrorCode()
                + ", SQL state " + sql.getSQLState() + "): run again with MAILLOG554_DEBUG=1 for details");
    }

    private static String diskFull(String where) {
        return "the disk is full: " + where + ": free space there, then scan again (what was stored is kept, and "
                + "the next scan's report shows it)";
    }

    // org.h2.mvstore.MVStoreException "... [2.4.240/6]": error 6 is ERROR_FILE_CORRUPT; its text is a store dump.
    private static boolean corruptStore(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (t.getClass().getName().endsWith("MVStoreException") && m != null
                    && (m.contains("/6]") || m.toLowerCase(Locale.ROOT).contains("corrupt"))) {
                return true;
            }
        }
        return false;
    }

    // The report folder: createDirectories on a file, a folder in the way, permissions, a full disk.
    private static Optional<String> reportFolder(Throwable failure) {
        FileSystemException fse = find(failure, FileSystemException.class);
        if (fse instanceof FileAlreadyExistsException e && e.getReason() == null) {
            return Optional.of("cannot write the reports: " + e.getFile() + " is a file, not a folder: pass a folder "
                    + "to --out");
        }
        if (fse instanceof FileAlreadyExistsException e) {
            return Optional.of("cannot write the reports: " + e.getFile() + ": " + e.getReason() + ": move it away");
        }
        if (fse instanceof AccessDeniedException e) {
            return Optional.of("cannot write the reports: permission denied: " + e.getFile() + ": pass an --out "
                    + "folder this user can write");
        }
        if (anyMessage(failure, DISK_FULL)) {
            return Optional.of("cannot write the reports: the disk is full" + (fse == null ? "" : ": " + fse.getFile())
                    + ": free space there, then scan again (the next scan's report shows what this run stored)");
        }
        if (fse != null && fse.getReason() != null) {
            return Optional.of("cannot write the reports: " + fse.getFile() + ": "
                    + fse.getReason().toLowerCase(Locale.ROOT) + ": pass a folder this user can write to --out");
        }
        UncheckedIOException u = find(failure, UncheckedIOException.class);
        if (u != null && u.getCause().getMessage() != null) {
            return Optional.of(u.getMessage() + ": " + u.getCause().getMessage().toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    // The database as the user named it: the H2 file, or the PostgreSQL server.
    static String where() {
        String url = System.getProperty("maillog554.db.url");
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            Matcher m = PG_HOST.matcher(url);
            return "PostgreSQL at " + (m.find() ? m.group(1) : url);
        }
        String h2 = EmbeddedDbGuard.embeddedUrl();
        if (h2 == null) {
            return url == null ? "the history database" : url;
        }
        String path = h2.substring("jdbc:h2:".length());
        path = path.startsWith("file:") ? path.substring("file:".length()) : path;
        int semi = path.indexOf(';');
        return (semi < 0 ? path : path.substring(0, semi)) + ".mv.db";
    }

    private static String folder() {
        String h2 = EmbeddedDbGuard.embeddedUrl();
        Path dir = h2 == null ? null : EmbeddedDbGuard.folder(h2);
        return dir == null ? "<data-dir>" : dir.toString();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean anyMessage(Throwable failure, String lowerCaseText) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(lowerCaseText)) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (s.getMessage() != null && s.getMessage().toLowerCase(Locale.ROOT).contains(lowerCaseText)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A file operation's failure in a few words: "permission denied", "no such file or folder", ... */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(Locale.ROOT); // "Not a directory": the path has a file in it
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

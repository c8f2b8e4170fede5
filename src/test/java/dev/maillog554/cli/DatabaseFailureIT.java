package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each database failure the user can fix, and a busy port, is one line on stderr naming what failed and what to
 * do, with exit code 1 and no framework text (SQL, class names, store dumps). Real processes: the in-JVM launcher
 * would keep the database options for the tests after it. Everything here also fails as root, which ignores file
 * permissions: the read-only database is H2's read-only mode rather than a chmod.
 */
class DatabaseFailureIT {

    @TempDir
    Path tmp;

    // A history with one scan in it.
    private Path history() throws Exception {
        Path log = Files.writeString(tmp.resolve("mail.log"), ScanCommandTest.INBOUND + "\n");
        CliProcess p = CliProcess.run(tmp, "first", "scan", "--data-dir", tmp.resolve("db").toString(), "--out",
                tmp.resolve("out").toString(), log.toString());
        assertEquals(0, p.exitCode(), p.toString());
        return tmp.resolve("db");
    }

    @Test
    void readOnlyDatabase() throws Exception {
        Path db = history();
        Files.writeString(tmp.resolve("mail.log"), ScanCommandTest.INBOUND.replace("smtp@", "other@") + "\n",
                StandardOpenOption.APPEND);
        CliProcess p = CliProcess.run(tmp, "ro", "scan", "--db-url", "jdbc:h2:file:" + db.resolve("maillog554")
                + ";ACCESS_MODE_DATA=r", "--out", tmp.resolve("out").toString(), tmp.resolve("mail.log").toString());
        assertOneLine(p, "maillog554: the history database is read-only: " + db.resolve("maillog554.mv.db")
                + ": make it writable");
    }

    @Test
    void damagedDatabaseFile() throws Exception {
        Path db = history();
        byte[] garbage = new byte[8192];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31);
        }
        Files.write(db.resolve("maillog554.mv.db"), garbage);
        CliProcess p = CliProcess.run(tmp, "damaged", "runs", "--data-dir", db.toString());
        assertOneLine(p, "maillog554: the history database file is damaged: " + db.resolve("maillog554.mv.db")
                + ": restore it from a backup, or rescue what H2 can read with its Recover tool (java -cp h2.jar "
                + "org.h2.tools.Recover -dir " + db);
    }

    @Test
    void unreachablePostgresql() throws Exception {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        CliProcess p = CliProcess.run(tmp, "pg", "runs", "--db-url", "jdbc:postgresql://127.0.0.1:1/maillog554");
        assertOneLine(p, "maillog554: cannot reach PostgreSQL at 127.0.0.1:1: check --db-url");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "MAILLOG554_TEST_PG_URL", matches = "jdbc:postgresql:.*")
    void unknownPostgresqlUser() throws Exception {
        // An unknown role, not a wrong password: the CI server trusts every password on loopback.
        CliProcess p = CliProcess.start(tmp, "login", Map.of("MAILLOG554_DB_PASSWORD", "not-the-password"),
                "runs", "--db-url", System.getenv("MAILLOG554_TEST_PG_URL"), "--db-user", "no_such_maillog554_user");
        p.await();
        assertOneLine(p, "maillog554: the database refused the login of user 'no_such_maillog554_user': "
                + "PostgreSQL at ");
    }

    @Test
    void busyPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            CliProcess p = CliProcess.run(tmp, "port", "serve", "--port", port, "--data-dir",
                    tmp.resolve("db").toString());
            assertOneLine(p, "maillog554: cannot serve: port " + port + " is already in use: stop the program that "
                    + "listens there, or pass another --port");
        }
    }

    private static void assertOneLine(CliProcess p, String start) throws Exception {
        assertEquals(ExitCodes.FAILURE, p.exitCode(), p.toString());
        String err = p.stderr();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith(start), err);
        // no framework text, nor the generic start-up hint in place of the clear line
        for (String framework : List.of("Exception", "SQL statement", "org.h2", "[9", "chunk",
                "--data-dir and the database server")) {
            assertFalse(err.contains(framework) && !start.contains(framework), framework + " in: " + err);
        }
        assertEquals("", p.stdout());
    }
}

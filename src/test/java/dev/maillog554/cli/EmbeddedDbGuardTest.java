package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** How start-up failures are recognised and worded, without starting anything (real processes: the ITs). */
class EmbeddedDbGuardTest {

    @Test
    void busyIsFoundWhereverStartUpWrapsIt() {
        SQLException h2 = new SQLException("Database may be already in use: \"/d/maillog554.mv.db\". Possible "
                + "solutions: close all other connection(s); use the server mode [90020-240]", "90020", 90020);
        RuntimeException flyway = new RuntimeException("Unable to obtain connection from database",
                new IllegalStateException("wrapped", h2));
        assertTrue(EmbeddedDbGuard.isBusy(flyway));
        // Some layers keep only the text.
        assertTrue(EmbeddedDbGuard.isBusy(new RuntimeException("Database may be already in use: \"/d\" [90020-240]")));
        assertFalse(EmbeddedDbGuard.isBusy(new RuntimeException("Connection refused", new SQLException("x"))));
    }

    @Test
    void folderOfEveryEmbeddedUrlForm() {
        assertEquals(Path.of("/var/lib/maillog554"),
                EmbeddedDbGuard.folder("jdbc:h2:file:/var/lib/maillog554/maillog554;DB_CLOSE_ON_EXIT=FALSE"));
        assertEquals(Path.of("/srv/h2"), EmbeddedDbGuard.folder("jdbc:h2:/srv/h2/history"));
        assertEquals(Path.of(System.getProperty("user.home"), "db"), EmbeddedDbGuard.folder("jdbc:h2:~/db/x"));
    }

    @Test
    void startUpFailureIsTheDatabasesOwnWordsOnOneLine() {
        Exception e = new RuntimeException("Failed to start", new IllegalStateException("Unable to acquire",
                new SQLException("Connection to db:5432 refused.\nCheck that the hostname and port are correct",
                        "08001", 0, new java.net.ConnectException("Connection refused"))));
        assertEquals("Connection to db:5432 refused. Check that the hostname and port are correct",
                Startup.rootMessage(e));
        assertEquals("NullPointerException", Startup.rootMessage(new NullPointerException()));
    }
}

package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Optional;

import org.h2.mvstore.DataUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A full disk cannot be made in a test without mounting a small file system, so the exceptions it gives are built
 * here as the JDK and H2 2.4 throw them (MVStore's "Writing to ... failed" around the JDK's ENOSPC text). The
 * failures a test can make for real are in {@link DatabaseFailureIT} and {@link FailurePathsTest}.
 */
class FailuresTest {

    private String dataDir;

    @BeforeEach
    void pointAtAFolder() {
        dataDir = System.getProperty("maillog554.data-dir");
        System.setProperty("maillog554.data-dir", "/var/lib/maillog554");
    }

    @AfterEach
    void restore() {
        if (dataDir == null) {
            System.clearProperty("maillog554.data-dir");
        } else {
            System.setProperty("maillog554.data-dir", dataDir);
        }
    }

    @Test
    void fullDiskUnderTheDatabase() {
        IOException enospc = new IOException("No space left on device");
        Exception store = DataUtils.newMVStoreException(DataUtils.ERROR_WRITING_FAILED,
                "Writing to {0} failed; length {1} at {2}", "/var/lib/maillog554/maillog554.mv.db", 4096, 0, enospc);
        SQLException sql = new SQLException("General error: \"" + store + "\" [50000-240]", "HY000", 50000, store);
        assertEquals(Optional.of("the disk is full: /var/lib/maillog554/maillog554.mv.db: free space there, then "
                + "scan again (what was stored is kept, and the next scan's report shows it)"),
                Failures.describe(new IllegalStateException("wrapped", sql)));
    }

    @Test
    void fullDiskUnderTheReports() {
        UncheckedIOException e = new UncheckedIOException("cannot write /srv/report",
                new IOException("No space left on device"));
        assertEquals(Optional.of("cannot write the reports: the disk is full: free space there, then scan again (the "
                + "next scan's report shows what this run stored)"), Failures.describe(e));
    }

    @Test
    void otherStoreFailuresNameTheFileNotTheDump() {
        Exception store = DataUtils.newMVStoreException(DataUtils.ERROR_READING_FAILED,
                "Reading from file {0} failed at {1} (length -1), read {2}, remaining {3}", "fc", 8192, 0, 4096);
        assertEquals(Optional.of("cannot read or write the history database: /var/lib/maillog554/maillog554.mv.db: "
                + "check that its disk has free space and works, then run again"), Failures.describe(store));
    }

    @Test
    void unknownDatabaseErrorsGiveCodesNotSql() {
        SQLException sql = new SQLException("Syntax error in SQL statement \"SELECT ...\"", "42000", 42000);
        assertEquals(Optional.empty(), Failures.describe(sql));
        assertEquals(Optional.of("the history database failed (/var/lib/maillog554/maillog554.mv.db, error 42000, "
                + "SQL state 42000): run again with MAILLOG554_DEBUG=1 for details"), Failures.unknownDatabase(sql));
    }
}

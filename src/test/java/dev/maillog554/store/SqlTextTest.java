package dev.maillog554.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** What stderr says when the database fails: H2's reason, not the thousand-parameter statement it quotes. */
class SqlTextTest {

    @Test
    void h2sReasonWithoutTheStatement() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:sqltext")) {
            SQLException e = assertThrows(SQLException.class, () -> c.prepareStatement(
                    "SELECT id FROM no_such_table WHERE id IN (?" + ", ?".repeat(999) + ")").executeQuery());
            assertTrue(e.getMessage().contains("SQL statement"), e.getMessage());
            String reason = SqlText.withoutStatement(e.getMessage());
            assertTrue(reason.startsWith("Table \"NO_SUCH_TABLE\" not found"), reason);
            assertFalse(reason.contains("?") || reason.contains("SELECT"), reason);
        }
    }

    @Test
    void hibernatesWrapperLosesItsOpenBracket() {
        // the text of a `report` that ran out of memory on the rows of a year (bench/RESULTS.md, 21:37 run)
        assertEquals("JDBC exception executing SQL: Out of memory.", SqlText.withoutStatement(
                "JDBC exception executing SQL [Out of memory.; SQL statement: SELECT reply_code FROM rejection "
                        + "WHERE occurred_at >= ? GROUP BY reply_code [90108-240]] [SELECT reply_code FROM "
                        + "rejection WHERE occurred_at >= ? GROUP BY reply_code]"));
    }

    @Test
    void otherMessagesAreKept() {
        assertEquals("Connection is broken: \"session closed\" [90067-240]",
                SqlText.withoutStatement("Connection is broken: \"session closed\" [90067-240]"));
        assertNull(SqlText.withoutStatement(null));
    }
}

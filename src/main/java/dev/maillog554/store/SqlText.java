package dev.maillog554.store;

/** Database messages as the user should read them on stderr. */
public final class SqlText {

    private SqlText() {
    }

    /**
     * A driver's message without the statement it quotes: H2 appends "; SQL statement: ..." (for the history's
     * reads by id, a thousand parameters) and Hibernate wraps that in "JDBC exception executing SQL [...]". The
     * reason is what a user can act on; the statement is for MAILLOG554_DEBUG.
     */
    public static String withoutStatement(String message) {
        if (message == null) {
            return null;
        }
        int statement = message.indexOf("; SQL statement:");
        if (statement < 0) {
            return message;
        }
        String m = message.substring(0, statement);
        int open = m.lastIndexOf('[');
        if (open >= 0 && m.indexOf(']', open) < 0) {
            // "JDBC exception executing SQL [Out of memory." becomes "JDBC exception executing SQL: Out of memory."
            m = m.substring(0, open).stripTrailing() + ": " + m.substring(open + 1);
        }
        return m;
    }
}

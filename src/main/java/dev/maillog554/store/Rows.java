package dev.maillog554.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The one mapping of a stored rejection's columns to {@link RejectionRow}, for JDBC and JPA native queries. */
final class Rows {

    /** The columns of {@link RejectionRow}, in its order. */
    static final String COLUMNS = "id, run_id, occurred_at, direction, status, mta, host, queue_id, "
            + "sender, recipient, recipient_domain, reply_code, enhanced_code, stage, category, provider, "
            + "blocklist, remote_host, remote_ip, message, source_file, line_no";
    /** How many {@link #COLUMNS} there are: a query may select more after them. */
    static final int COUNT = 22;

    private Rows() {
    }

    static RejectionRow row(ResultSet rs) throws SQLException {
        OffsetDateTime t = rs.getObject(3, OffsetDateTime.class);
        return new RejectionRow(rs.getLong(1), rs.getLong(2), t == null ? null : t.toInstant(), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getInt(12), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19),
                rs.getString(20), rs.getString(21), rs.getLong(22));
    }

    static RejectionRow row(Object[] r) {
        return new RejectionRow(num(r[0]).longValue(), num(r[1]).longValue(), instant(r[2]), (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                (String) r[10], num(r[11]).intValue(), (String) r[12], (String) r[13], (String) r[14],
                (String) r[15], (String) r[16], (String) r[17], (String) r[18], (String) r[19], (String) r[20],
                num(r[21]).longValue());
    }

    static Number num(Object o) {
        return (Number) o;
    }

    // Drivers differ: H2 returns OffsetDateTime for TIMESTAMP WITH TIME ZONE, PostgreSQL a java.sql.Timestamp.
    static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Instant t) {
            return t;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time type " + o.getClass().getName());
    }
}

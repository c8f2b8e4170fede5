package dev.maillog554.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Query;

/**
 * The one WHERE clause of the history's native SQL, built from a filter (and the REST list's extra criteria),
 * with its parameters; usable as JPA named parameters or, through {@link #jdbcSql}, as plain JDBC.
 */
final class Where {

    /** {@code ""} or {@code " WHERE ..."}. */
    final String sql;
    final Map<String, Object> params;

    private Where(String sql, Map<String, Object> params) {
        this.sql = sql;
        this.params = params;
    }

    static Where of(HistoryFilter f) {
        return of(new RejectionCriteria(f, null, null, null, null));
    }

    static Where of(RejectionCriteria c) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        HistoryFilter f = c.history();
        add(parts, params, "occurred_at >= :since", "since", f.since() == null ? null
                : f.since().atOffset(ZoneOffset.UTC));
        add(parts, params, "occurred_at < :until", "until", f.until() == null ? null
                : f.until().atOffset(ZoneOffset.UTC));
        add(parts, params, "host = :host", "host", f.host());
        add(parts, params, "direction = :direction", "direction", f.direction() == null ? null
                : f.direction().label());
        add(parts, params, "recipient_domain = :domain", "domain", c.domain());
        add(parts, params, "category = :category", "category", c.category());
        add(parts, params, "reply_code = :code", "code", c.replyCode());
        add(parts, params, "enhanced_code = :enhanced", "enhanced", c.enhancedCode());
        return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), params);
    }

    /**
     * The clause for a rollup table over the same filter: {@code column} counts units of {@code seconds} since the
     * epoch (a day, or a 15-minute bucket), so the bounds become unit numbers; exact when they are whole units
     * (see {@link Rollups#cover}).
     */
    static Where ofRollups(HistoryFilter f, String column, long seconds) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        add(parts, params, column + " >= :since", "since", f.since() == null ? null
                : Math.floorDiv(f.since().getEpochSecond(), seconds));
        add(parts, params, column + " < :until", "until", f.until() == null ? null
                : Math.floorDiv(f.until().getEpochSecond(), seconds));
        add(parts, params, "host = :host", "host", f.host());
        add(parts, params, "direction = :direction", "direction", f.direction() == null ? null
                : f.direction().label());
        return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), params);
    }

    private static void add(List<String> parts, Map<String, Object> params, String cond, String name, Object v) {
        if (v != null) {
            parts.add(cond);
            params.put(name, v);
        }
    }

    /** This clause with one more condition. */
    String and(String condition) {
        return sql.isEmpty() ? " WHERE " + condition : sql + " AND " + condition;
    }

    /** This clause with one more condition that takes no parameter. */
    Where with(String condition) {
        return new Where(and(condition), params);
    }

    /** Binds the parameters to a JPA native query built with {@link #sql} or {@link #and}. */
    Query bind(Query q) {
        params.forEach(q::setParameter);
        return q;
    }

    /** {@link #sql} for plain JDBC: each {@code :name} becomes {@code ?}, bound in order by {@link #bind}. */
    String jdbcSql() {
        String out = sql;
        for (String name : params.keySet()) {
            out = out.replace(":" + name, "?");
        }
        return out;
    }

    /** Binds the parameters in the order of {@link #jdbcSql}. */
    void bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Object v : params.values()) {
            ps.setObject(i++, v);
        }
    }
}

package dev.maillog554.store;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

/**
 * Pages through stored rejections with the REST list's filters (domain, cause, code on top of
 * {@link HistoryFilter}); returns records, never entities.
 */
@ApplicationScoped
public class RejectionSearch {

    @Inject
    StoreDb db;

    /** One page, oldest first, ties by id (0-based page, size at least 1). */
    @Transactional
    public Page<RejectionRow> find(RejectionCriteria c, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(c, params);
        TypedQuery<Long> count = db.em().createQuery("SELECT COUNT(r) FROM StoredRejection r" + where, Long.class);
        TypedQuery<StoredRejection> rows = db.em().createQuery("FROM StoredRejection r" + where
                + " ORDER BY r.occurredAt, r.id", StoredRejection.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        List<RejectionRow> items = rows.setFirstResult(Math.multiplyExact(page, size)).setMaxResults(size)
                .getResultList().stream().map(RejectionSearch::row).toList();
        return new Page<>(items, page, size, count.getSingleResult());
    }

    private static String where(RejectionCriteria c, Map<String, Object> params) {
        List<String> parts = new ArrayList<>();
        HistoryFilter f = c.history();
        add(parts, params, "r.occurredAt >= :since", "since", f.since() == null ? null
                : f.since().atOffset(ZoneOffset.UTC));
        add(parts, params, "r.occurredAt < :until", "until", f.until() == null ? null
                : f.until().atOffset(ZoneOffset.UTC));
        add(parts, params, "r.host = :host", "host", f.host());
        add(parts, params, "r.direction = :direction", "direction", f.direction() == null ? null
                : f.direction().label());
        add(parts, params, "r.recipientDomain = :domain", "domain", c.domain());
        add(parts, params, "r.category = :category", "category", c.category());
        add(parts, params, "r.replyCode = :code", "code", c.replyCode());
        add(parts, params, "r.enhancedCode = :enhanced", "enhanced", c.enhancedCode());
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    private static void add(List<String> parts, Map<String, Object> params, String cond, String name, Object v) {
        if (v != null) {
            parts.add(cond);
            params.put(name, v);
        }
    }

    private static RejectionRow row(StoredRejection s) {
        return new RejectionRow(s.id, s.runId, s.occurredAt == null ? null : s.occurredAt.toInstant(), s.direction,
                s.status, s.mta, s.host, s.queueId, s.sender, s.recipient, s.recipientDomain, s.replyCode,
                s.enhancedCode, s.stage, s.category, s.provider, s.blocklist, s.remoteHost, s.remoteIp, s.message,
                s.sourceFile, s.lineNo);
    }
}

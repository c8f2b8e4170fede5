package dev.maillog554.aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.maillog554.classify.Category;
import dev.maillog554.classify.Diagnosis;
import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.DeliveryStatus;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.Mta;
import dev.maillog554.parse.RejectionEvent;
import dev.maillog554.store.RejectionRow;

/** Stored rows back into the records that counting and the reports use. */
public final class StoredRows {

    // Stored labels to enums, called for each of millions of rows by report: a map lookup of the exact stored
    // text, and the original upper-casing valueOf (same result, same errors) for anything the map lacks.
    private static final Map<String, Direction> DIRECTIONS = labels(Direction.values());
    private static final Map<String, DeliveryStatus> STATUSES = labels(DeliveryStatus.values());
    private static final Map<String, Mta> MTAS = labels(Mta.values());

    private StoredRows() {
    }

    /** The rejection a stored row holds; its diagnosis has the stored cause, provider and blocklist, no tips. */
    public static Rejection toRejection(RejectionRow r) {
        RejectionEvent e = new RejectionEvent(r.time(), direction(r.direction()), status(r.status()), mta(r.mta()),
                r.host(), r.queueId(), r.sender(), r.recipient(), r.recipientDomain(), r.replyCode(),
                r.enhancedCode(), r.stage(), r.remoteHost(), r.remoteIp(), r.message(), r.sourceFile(), r.line());
        // any stored id, a classify folder's category from an earlier run included
        return new Rejection(e, new Diagnosis(new Category(r.category()), "", r.provider(), r.blocklist(), "",
                List.of()));
    }

    static Direction direction(String label) {
        Direction d = DIRECTIONS.get(label);
        return d != null ? d : Direction.valueOf(label.toUpperCase(Locale.ROOT));
    }

    private static <E extends Enum<E>> Map<String, E> labels(E[] values) {
        Map<String, E> m = new HashMap<>();
        for (E v : values) {
            m.put(v.name().toLowerCase(Locale.ROOT), v);
        }
        return Map.copyOf(m);
    }

    private static DeliveryStatus status(String label) {
        DeliveryStatus s = STATUSES.get(label);
        return s != null ? s : DeliveryStatus.valueOf(label.toUpperCase(Locale.ROOT));
    }

    private static Mta mta(String label) {
        Mta m = MTAS.get(label);
        return m != null ? m : Mta.valueOf(label.toUpperCase(Locale.ROOT));
    }
}

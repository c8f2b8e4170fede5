package dev.maillog554.parse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a parser needs besides the line: the zone and reference time for syslog stamps without a year or zone,
 * and the per-input state that links lines of one message (queue id to sender).
 *
 * <p>One context serves one input at a time; it is not thread-safe.
 */
public final class ParseContext {

    /** Queue ids remembered at most; old ones are dropped so memory stays flat when `removed` lines are missing. */
    public static final int MAX_QUEUE_IDS = 50_000;

    private final ZoneId zone;
    private final Instant reference;
    private final Map<String, String> senders = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_QUEUE_IDS;
        }
    };
    private long recognised;
    private final int firstYear;
    private int lastMonth;
    private int wraps;

    /**
     * @param zone      zone of stamps that carry none (classic syslog, Exim without log_timezone)
     * @param reference the newest time the input can contain, normally the file's modification time: a
     *                  year-less stamp gets the latest year that does not put it after this instant
     */
    public ParseContext(ZoneId zone, Instant reference) {
        this(zone, reference, 0);
    }

    /**
     * @param firstYear when positive, the year of the input's first year-less stamp: later stamps keep it until
     *                  the month wraps around (December to January), which starts the next year. For logs whose
     *                  file date says nothing about their content, e.g. copied without keeping times.
     */
    public ParseContext(ZoneId zone, Instant reference, int firstYear) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.firstYear = firstYear;
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant reference() {
        return reference;
    }

    /**
     * Resolves a syslog stamp that has no year (`Nov 27 22:15:19`).
     *
     * <p>Syslog drops the year, so a log that spans New Year has December lines before January ones. Taking
     * the latest year that does not put the stamp after the reference (plus a day of slack for clock skew and
     * zone differences) dates both halves right, as long as the input covers less than a year.
     */
    public Instant resolveWithoutYear(int month, int day, int hour, int minute, int second, int nanos) {
        if (firstYear > 0) {
            return forward(month, day, hour, minute, second, nanos);
        }
        ZonedDateTime ref = reference.atZone(zone);
        int year = ref.getYear();
        Instant limit = reference.plusSeconds(86_400);
        for (int i = 0; i < 8; i++, year--) {
            // Feb 29 exists only in leap years: step back until the date is valid and not in the future.
            if (month == 2 && day == 29 && !java.time.Year.isLeap(year)) {
                continue;
            }
            Instant at = LocalDateTime.of(year, month, day, hour, minute, second, nanos).atZone(zone).toInstant();
            if (!at.isAfter(limit)) {
                return at;
            }
        }
        return LocalDateTime.of(ref.getYear(), month, Math.min(day, 28), hour, minute, second, nanos)
                .atZone(zone).toInstant();
    }

    // Lines are in time order, so the month only goes back when the year turns; a month more than half a year
    // earlier than the last one seen is that turn (a late line from the previous month is not).
    private Instant forward(int month, int day, int hour, int minute, int second, int nanos) {
        if (lastMonth > 0 && month + 6 < lastMonth) {
            wraps++;
        }
        lastMonth = month;
        int year = firstYear + wraps;
        int d = month == 2 && day == 29 && !java.time.Year.isLeap(year) ? 28 : day;
        return LocalDateTime.of(year, month, d, hour, minute, second, nanos).atZone(zone).toInstant();
    }

    /** Remembers the envelope sender of a queued message (Postfix qmgr `from=`, Exim `<=`). */
    public void rememberSender(String queueId, String sender) {
        senders.put(queueId, sender);
    }

    /** The sender remembered for a queue id, or the empty string. */
    public String senderOf(String queueId) {
        String s = senders.get(queueId);
        return s == null ? "" : s;
    }

    /** Forgets a message once the MTA logs that it left the queue. */
    public void forget(String queueId) {
        senders.remove(queueId);
    }

    /** Counts a line that a parser recognised as its MTA's, whether or not it was a rejection. */
    public void markRecognised() {
        recognised++;
    }

    /** Lines recognised as Postfix or Exim so far. */
    public long recognised() {
        return recognised;
    }
}

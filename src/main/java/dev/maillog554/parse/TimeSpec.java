package dev.maillog554.parse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --since} and {@code --until}: {@code today}, {@code yesterday}, a span back from now such as
 * {@code 7d}, {@code 24h}, {@code 30m} or {@code 2w}, an ISO date (its midnight), or an ISO date-time with or
 * without an offset (local times are in the given zone). The one parser of user-given times: the CLI's
 * {@code --since}/{@code --until}/{@code --older-than} and the REST API's {@code since}/{@code until} alike.
 */
public final class TimeSpec {

    /** What every form accepted looks like, for error messages. */
    public static final String FORMS = "today, yesterday, 7d, 24h, 2026-03-01 or 2026-03-01T08:00[+01:00]";

    private static final Instant EARLIEST = Instant.parse("0001-01-02T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    private static final Pattern SPAN = Pattern.compile("(\\d{1,6})([mhdw])");

    private TimeSpec() {
    }

    /**
     * The instant {@code spec} names, relative to {@code now} and dates and local times in {@code zone}.
     *
     * @throws IllegalArgumentException when it is none of the accepted forms, or outside the years 1 to 9999
     */
    public static Instant parse(String spec, Instant now, ZoneId zone) {
        Instant at = parseAny(spec, now, zone);
        // A database timestamp holds years 1 to 9999; a client's +999999999-01-01 must be bad input, not a 500.
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            throw new IllegalArgumentException("invalid time '" + spec + "': outside the years 1 to 9999");
        }
        return at;
    }

    private static Instant parseAny(String spec, Instant now, ZoneId zone) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (s.equals("today")) {
            return today.atStartOfDay(zone).toInstant();
        }
        if (s.equals("yesterday")) {
            return today.minusDays(1).atStartOfDay(zone).toInstant();
        }
        Matcher m = SPAN.matcher(s);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return now.minus(d);
        }
        try {
            if (spec.length() == 10) {
                return LocalDate.parse(spec.trim()).atStartOfDay(zone).toInstant();
            }
            try {
                return OffsetDateTime.parse(spec.trim()).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(spec.trim()).atZone(zone).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid time '" + spec + "': use " + FORMS);
        }
    }

    /** Both ends, checked: since must come before until. */
    public static Instant[] window(String since, String until, Instant now, ZoneId zone) {
        Instant s = since == null ? null : parse(since, now, zone);
        Instant u = until == null ? null : parse(until, now, zone);
        if (s != null && u != null && !s.isBefore(u)) {
            throw new IllegalArgumentException("invalid window: --since " + since + " is not before --until "
                    + until);
        }
        return new Instant[] {s, u};
    }
}

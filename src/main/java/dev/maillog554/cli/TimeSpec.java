package dev.maillog554.cli;

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
 * without an offset (local times are in the given zone).
 */
final class TimeSpec {

    private static final Pattern SPAN = Pattern.compile("(\\d{1,6})([mhdw])");

    private TimeSpec() {
    }

    static Instant parse(String spec, Instant now, ZoneId zone) {
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
            throw new IllegalArgumentException("invalid time '" + spec + "': use today, yesterday, 7d, 24h, "
                    + "2026-03-01 or 2026-03-01T08:00[+01:00]");
        }
    }

    /** Both ends, checked: since must come before until. */
    static Instant[] window(String since, String until, Instant now, ZoneId zone) {
        Instant s = since == null ? null : parse(since, now, zone);
        Instant u = until == null ? null : parse(until, now, zone);
        if (s != null && u != null && !s.isBefore(u)) {
            throw new IllegalArgumentException("invalid window: --since " + since + " is not before --until "
                    + until);
        }
        return new Instant[] {s, u};
    }
}

package dev.maillog554.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.maillog554.classify.Category;
import dev.maillog554.classify.Classifier;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.TimeSpec;
import dev.maillog554.store.GroupBy;
import dev.maillog554.store.HistoryFilter;

/** Parses and checks query parameters, failing with the parameter's name and what would be accepted. */
final class Params {

    /** Largest page a client may ask for. */
    static final int MAX_SIZE = 1000;

    private Params() {
    }

    /** since, until (exclusive), direction and host. */
    static HistoryFilter filter(String since, String until, String direction, String host) {
        Instant from = time("since", since);
        Instant to = time("until", until);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new BadParameterException("until", "until must be after since");
        }
        return new HistoryFilter(from, to, blankToNull(host), direction(direction));
    }

    /**
     * Every form the CLI's {@code --since} takes ({@link TimeSpec}); days and local times are in UTC, the zone of
     * every time the API returns and of {@code group=day}.
     */
    static Instant time(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return TimeSpec.parse(value, Instant.now(), ZoneOffset.UTC);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(name, e.getMessage());
        }
    }

    static Direction direction(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Direction.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("direction", "unknown direction '" + value
                    + "': use outbound or inbound");
        }
    }

    static GroupBy group(String value) {
        String allowed = Arrays.stream(GroupBy.values()).map(g -> g.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        if (blankToNull(value) == null) {
            throw new BadParameterException("group", "group is required: one of " + allowed);
        }
        try {
            return GroupBy.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("group", "unknown group '" + value + "': use one of " + allowed);
        }
    }

    static String category(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        return Classifier.load().category(value).map(Category::id).orElseThrow(() -> new BadParameterException(
                "category", "unknown category '" + value + "': use an id such as relay-denied or blocklisted"));
    }

    /**
     * Page number, 0-based, for pages of {@code size} rows. The first row it stands for must be an int, the
     * offset a database query takes: {@code page=99999999&size=1000} overflowed into a 500.
     */
    static int page(String page, int size) {
        long p = number("page", page, 0);
        if (p < 0) {
            throw new BadParameterException("page", "page must be 0 or more");
        }
        if (p * size > Integer.MAX_VALUE) {
            throw new BadParameterException("page", "page must be at most " + Integer.MAX_VALUE / size
                    + " with size " + size);
        }
        return (int) p;
    }

    static int size(String size) {
        long s = number("size", size, 50);
        if (s < 1 || s > MAX_SIZE) {
            throw new BadParameterException("size", "size must be between 1 and " + MAX_SIZE);
        }
        return (int) s;
    }

    // Taken as text, not Integer: RESTEasy answers a query parameter it cannot convert with an empty 404.
    private static long number(String name, String value, long absent) {
        String v = blankToNull(value);
        if (v == null) {
            return absent;
        }
        if (!v.matches("-?\\d+")) {
            throw new BadParameterException(name, name + " must be a whole number, not '" + v + "'");
        }
        // Past 12 digits it is out of range for page and size alike, and could overflow a long.
        if (v.replace("-", "").length() > 12) {
            throw new BadParameterException(name, name + " is out of range: " + v);
        }
        return Long.parseLong(v);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

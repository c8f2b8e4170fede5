package dev.maillog554.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.maillog554.classify.Category;
import dev.maillog554.parse.Direction;
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

    /** An ISO instant ({@code 2024-11-27T10:00:00Z}), date-time with offset, or a date (its start in UTC). */
    static Instant time(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            throw new BadParameterException(name, "bad date '" + v + "': use 2024-11-27 or 2024-11-27T10:00:00Z");
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
        try {
            return Category.fromId(value).id();
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("category", "unknown category '" + value
                    + "': use an id such as relay-denied or blocklisted");
        }
    }

    /** Page number, 0-based. */
    static int page(Integer page) {
        int p = page == null ? 0 : page;
        if (p < 0) {
            throw new BadParameterException("page", "page must be 0 or more");
        }
        return p;
    }

    static int size(Integer size) {
        int s = size == null ? 50 : size;
        if (s < 1 || s > MAX_SIZE) {
            throw new BadParameterException("size", "size must be between 1 and " + MAX_SIZE);
        }
        return s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

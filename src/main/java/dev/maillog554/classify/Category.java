package dev.maillog554.classify;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a rejection happened: an id from classify/categories.csv (or a postmaster's own categories.csv). The ids
 * are stable: they appear in CSV files, JSON, metrics and the rules file, and scripts depend on them. What each
 * one means is data ({@link Classifier#describe}); docs/causes.md lists the shipped ones.
 *
 * @param id lower-case letters, digits and dashes, e.g. {@code relay-denied}
 */
public record Category(String id) {

    /**
     * What the classifier says when no rule matched. The one id the code relies on: categories.csv must define it
     * ({@code rules check} says so when it does not).
     */
    public static final Category UNKNOWN = new Category("unknown");

    public Category {
        Objects.requireNonNull(id, "id");
        if (!wellFormed(id)) {
            throw new IllegalArgumentException("invalid category id '" + id
                    + "': use lower-case letters, digits and dashes, e.g. relay-denied");
        }
    }

    /** The category with this id, written in any case and with {@code _} for {@code -} ({@code RELAY_DENIED}). */
    public static Category fromId(String id) {
        return new Category(id.trim().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** Lower-case letters and digits in dash-separated words: safe as a CSV cell, an HTML anchor and a label. */
    static boolean wellFormed(String id) {
        if (id.isEmpty() || id.length() > 64 || id.charAt(0) == '-' || id.charAt(id.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && id.charAt(i - 1) != '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return id;
    }
}

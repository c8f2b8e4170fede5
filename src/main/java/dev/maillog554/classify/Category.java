package dev.maillog554.classify;

import java.util.Locale;

/**
 * Why a rejection happened. The ids are stable: they appear in CSV files, JSON and the rules file, and
 * scripts depend on them. See docs/causes.md for what each one covers.
 */
public enum Category {
    BLOCKLISTED,
    IP_REPUTATION,
    SPF,
    DKIM,
    DMARC,
    AUTH_REQUIRED,
    NO_PTR,
    HELO_REJECTED,
    SENDER_REJECTED,
    CONTENT_SPAM,
    VIRUS,
    RELAY_DENIED,
    UNKNOWN_RECIPIENT,
    MAILBOX_DISABLED,
    MAILBOX_FULL,
    MESSAGE_TOO_LARGE,
    RATE_LIMITED,
    TLS_REQUIRED,
    AUTH_CREDENTIALS,
    ROUTING_DNS,
    NO_SERVICE,
    TIMEOUT,
    SYSTEM_ERROR,
    PROTOCOL_ERROR,
    POLICY,
    UNKNOWN;

    /** The stable id, e.g. {@code relay-denied}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The category with this id. */
    public static Category fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}

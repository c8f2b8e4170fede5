package dev.maillog554.classify;

import java.util.Locale;

/**
 * Why a rejection happened. The ids are stable: they appear in CSV files, JSON and the rules file, and
 * scripts depend on them. See docs/causes.md for what each one covers.
 */
public enum Category {
    BLOCKLISTED,
    IP_BLOCKED,
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
    CONTENT_ERROR,
    NOT_RFC_COMPLIANT,
    RECIPIENT_FILTERED,
    RELAY_DENIED,
    UNKNOWN_RECIPIENT,
    MAILBOX_MOVED,
    MAILBOX_DISABLED,
    MAILBOX_FULL,
    MESSAGE_TOO_LARGE,
    MAILBOX_SIZE_LIMIT,
    RATE_LIMITED,
    TOO_MANY_CONNECTIONS,
    GREYLISTED,
    TLS_REQUIRED,
    AUTH_CREDENTIALS,
    NOT_AUTHORIZED,
    DOMAIN_NOT_FOUND,
    ROUTING_DNS,
    NO_SERVICE,
    TIMEOUT,
    SYSTEM_ERROR,
    MAILER_ERROR,
    PROTOCOL_ERROR,
    POLICY,
    UNKNOWN;

    // The id is read for every stored rejection; computed once.
    private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The stable id, e.g. {@code relay-denied}. */
    public String id() {
        return id;
    }

    /** The category with this id. */
    public static Category fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}

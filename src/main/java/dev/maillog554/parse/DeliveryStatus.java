package dev.maillog554.parse;

import java.util.Locale;

/** What the MTA did after the rejection. */
public enum DeliveryStatus {
    /** Our server refused the client (inbound). */
    REJECTED,
    /** The message was returned to its sender (outbound, permanent). */
    BOUNCED,
    /** The MTA keeps the message and tries again, e.g. Postfix after a 554 greeting. */
    DEFERRED,
    /** An address-verification probe was refused (Postfix {@code status=undeliverable}); no mail was lost. */
    UNDELIVERABLE;

    /** Lower-case name as written in CSV files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

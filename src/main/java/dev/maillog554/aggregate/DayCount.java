package dev.maillog554.aggregate;

import java.time.LocalDate;

/** Rejections on one day, by direction. */
public record DayCount(LocalDate day, long outbound, long inbound) {

    public long total() {
        return outbound + inbound;
    }
}

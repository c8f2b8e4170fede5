package dev.maillog554.check;

import java.time.Instant;
import java.util.List;

/**
 * The answers of one run of live checks.
 *
 * @param startedAt when the checks began (the time a report shows: "Checked now (...)")
 * @param resolver  the resolver asked, {@code host:port}
 * @param results   the answers, blocklists first, then the sending host, authentication and routing
 */
public record CheckReport(Instant startedAt, String resolver, List<CheckResult> results) {

    /** No checks were made (the option was not given). */
    public static final CheckReport NONE = new CheckReport(null, "", List.of());

    public CheckReport {
        resolver = resolver == null ? "" : resolver;
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** True when checks were asked for (even if none applied); false for {@link #NONE}. */
    public boolean ran() {
        return startedAt != null;
    }

    /** The answers made for rejections of this cause. */
    public List<CheckResult> forCause(String category) {
        return results.stream().filter(r -> r.causes().contains(category)).toList();
    }
}

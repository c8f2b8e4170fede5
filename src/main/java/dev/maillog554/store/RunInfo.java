package dev.maillog554.store;

import java.time.Instant;
import java.util.List;

/** What a run was asked to do: when it started, on which server, which inputs and codes. */
public record RunInfo(Instant startedAt, String host, List<String> inputs, String codes) {
}

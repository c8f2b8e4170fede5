package dev.maillog554.check;

import java.time.Clock;
import java.util.List;

/**
 * What every check needs: the resolver of the run, the clock that stamps the answers and the blocklists' codes.
 */
record Probe(Dns dns, Clock clock, ReturnCodes codes) {

    CheckResult result(String check, String subject, String answer, String detail) {
        return new CheckResult(check, subject, answer, detail, clock.instant(), List.of());
    }

    /** The answer of a check whose question got no reply: says why ("timeout after 3 s"). */
    CheckResult notAnswered(String check, String subject, DnsAnswer a) {
        return result(check, subject, CheckResult.NOT_ANSWERED, a.problem());
    }
}

package dev.maillog554.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.maillog554.check.CheckSettings;
import dev.maillog554.check.LiveChecks;
import picocli.CommandLine.Option;

/** Options of live checks, shared by scan, report and explain. Off unless {@code --check} is given. */
class CheckOptions {

    @Option(names = "--check", description = "Also ask DNS now about what the rejections name (the blocklists "
            + "listing an IP, our sending IPs' reverse DNS, the sender domains' SPF, DMARC and DKIM, the recipient "
            + "domains' MX) and show the answers beside the tips, with the time of the check.")
    boolean check;

    @Option(names = "--resolver", paramLabel = "<host[:port]>",
            description = "DNS resolver for --check (default: the first nameserver in /etc/resolv.conf). Spamhaus "
                    + "refuses queries through public resolvers: use your own.")
    String resolver;

    @Option(names = "--ip", paramLabel = "<ip>",
            description = "One of our sending IPs, for --check (repeat for more): checked on the blocklists the "
                    + "rejections name, for reverse DNS and against SPF, besides the IPs the replies name.")
    List<String> ips;

    @Option(names = "--check-timeout", paramLabel = "<seconds>", defaultValue = "3",
            description = "Seconds to wait for each DNS answer in --check (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    /**
     * The live checks of this run, or null without {@code --check}. Bad values are usage errors, found before the
     * run starts.
     *
     * @param err where a resolver that does not answer is reported, once
     */
    LiveChecks create(PrintWriter err) {
        if (!check) {
            if (resolver != null || ips != null) {
                throw new IllegalArgumentException((resolver != null ? "--resolver" : "--ip")
                        + " is for live checks: add --check");
            }
            return null;
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds > 60) {
            throw new IllegalArgumentException("invalid --check-timeout " + timeoutSeconds
                    + ": give seconds between 0 and 60");
        }
        Duration timeout = Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000)));
        return new LiveChecks(CheckSettings.of(resolver, timeout, ips), line -> {
            err.println(line);
            err.flush();
        }, Clock.systemUTC());
    }
}

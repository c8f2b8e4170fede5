package dev.maillog554.check;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.maillog554.aggregate.CategoryTally;
import dev.maillog554.aggregate.Counts;
import dev.maillog554.classify.Classifier;

/**
 * Live checks ({@code --check}): asks DNS now about what the rejections name (blocklist listings, our sending IPs'
 * reverse DNS, the sender domains' SPF, DMARC and DKIM, the recipient domains' MX) and answers beside the tips.
 * One instance is one run: every question is asked once, whichever rejection names it. A check that gets no answer
 * says so; nothing here throws for a DNS failure, so a scan never fails because of its checks.
 */
public final class LiveChecks {

    private final CheckSettings settings;
    private final Clock clock;
    private final Dns dns;
    private final Probe probe;
    private final Classifier classifier = Classifier.load();

    /**
     * @param diagnostics receives at most one line per resolver that fails to answer, for stderr
     * @param clock       stamps the answers
     */
    public LiveChecks(CheckSettings settings, Consumer<String> diagnostics, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.dns = new Dns(settings.resolver(), settings.timeout(), settings.concurrency(), diagnostics);
        this.probe = new Probe(dns, clock, ReturnCodes.load());
    }

    /** The checks that the example rejections of every cause call for (what scan and report show). */
    public CheckReport check(Counts counts) {
        List<CheckInput> inputs = new ArrayList<>();
        for (CategoryTally t : counts.categories()) {
            t.examples().forEach(r -> inputs.add(CheckInput.of(r, classifier)));
        }
        return check(inputs);
    }

    /** The checks these rejections call for. */
    public CheckReport check(List<CheckInput> inputs) {
        Instant started = clock.instant();
        List<CheckPlan.Task> tasks = CheckPlan.of(inputs, settings.ips(), classifier);
        List<CheckResult> results = new ArrayList<>(tasks.size());
        if (!tasks.isEmpty()) {
            ExecutorService pool = pool(Math.min(settings.concurrency(), tasks.size()));
            try {
                List<Future<CheckResult>> answers = new ArrayList<>();
                for (CheckPlan.Task t : tasks) {
                    answers.add(pool.submit(() -> run(t)));
                }
                for (int i = 0; i < tasks.size(); i++) {
                    results.add(answers.get(i).get().forCauses(List.copyOf(tasks.get(i).causes())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a check failed to run", e.getCause()); // run() catches everything
            } finally {
                pool.shutdownNow();
            }
        }
        results.sort(Comparator.comparingInt((CheckResult r) -> CheckPlan.ORDER.indexOf(r.check()))
                .thenComparing(CheckResult::subject));
        return new CheckReport(started, dns.label(), results);
    }

    // A bug in one check must not cost the scan its report: it becomes that check's answer.
    private CheckResult run(CheckPlan.Task t) {
        try {
            return t.run().apply(probe);
        } catch (RuntimeException e) {
            return probe.result(t.check(), t.subject(), CheckResult.NOT_ANSWERED, "the check failed: " + e);
        }
    }

    private static ExecutorService pool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}

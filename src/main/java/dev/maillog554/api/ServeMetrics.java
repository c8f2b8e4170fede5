package dev.maillog554.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.maillog554.report.MetricsFile;
import dev.maillog554.scan.HistoryService;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.Collector;
import io.vertx.ext.web.Router;

/**
 * {@code /q/metrics} under {@code serve}: the families of {@code --metrics-file} ({@link MetricsFile#families}),
 * with the values of the newest run that recorded its exit code, read from the history. A collector of
 * Micrometer's Prometheus registry rather than Micrometer gauges, so that names, HELP texts and label sets are
 * exactly the file's, and a label set the last run did not find disappears instead of keeping an old value.
 *
 * <p>A scrape reads a few rows of {@code scan_run} and {@code run_rejections} (never the rejections), through
 * {@link Admission} like every other request that reads the history; scrapes within
 * {@code maillog554.api.metrics-cache} (5 s) share one read. Quarkus runs the metrics route on a worker thread,
 * so the read never blocks the event loop. The bearer token, when serve has one, is demanded by {@link ApiGuard},
 * which runs before every route, this one included.
 */
@ApplicationScoped
public class ServeMetrics extends Collector implements Collector.Describable {

    @Inject
    HistoryService history;
    @Inject
    Admission admission;
    @Inject
    PrometheusMeterRegistry registry;

    @ConfigProperty(name = "maillog554.api.metrics-cache", defaultValue = "PT5S")
    Duration cacheFor;

    private List<MetricFamilySamples> cached;
    private long cachedAt;

    // With the routes, which only serve uses; registering reads nothing (describe, not collect).
    void install(@Observes Router router) {
        registry.getPrometheusRegistry().register(this);
    }

    @Override
    public synchronized List<MetricFamilySamples> collect() {
        long now = System.nanoTime();
        if (cached == null || now - cachedAt >= cacheFor.toNanos()) {
            cached = admission.call(() -> history.lastRun().map(ServeMetrics::samples).orElse(List.of()));
            cachedAt = now;
        }
        return cached;
    }

    // Names and types only (the families of an empty run), so that registering does not read the history.
    @Override
    public List<MetricFamilySamples> describe() {
        MetricsFile.Run none = new MetricsFile.Run(List.of(), 0, 0, 0, 0, Duration.ZERO, Instant.EPOCH, 0);
        List<MetricFamilySamples> names = new ArrayList<>();
        for (MetricsFile.Family f : MetricsFile.families(none, 0.0)) {
            names.add(new MetricFamilySamples(f.name(), Type.GAUGE, f.help(), List.of()));
        }
        return names;
    }

    static List<MetricFamilySamples> samples(List<MetricsFile.Family> families) {
        List<MetricFamilySamples> out = new ArrayList<>(families.size());
        for (MetricsFile.Family f : families) {
            List<MetricFamilySamples.Sample> samples = new ArrayList<>(f.samples().size());
            for (MetricsFile.Sample s : f.samples()) {
                samples.add(new MetricFamilySamples.Sample(f.name(), f.labelNames(), s.labelValues(), s.value()));
            }
            out.add(new MetricFamilySamples(f.name(), Type.GAUGE, f.help(), samples));
        }
        return out;
    }
}

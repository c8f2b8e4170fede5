package dev.maillog554.check;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.maillog554.classify.BlocklistInfo;
import dev.maillog554.classify.Category;
import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.Diagnosis;

/**
 * Which checks a set of rejections calls for, each once however many rejections name its subject, with the causes
 * it answers for.
 */
final class CheckPlan {

    /** Order of the checks in every output. */
    static final List<String> ORDER = List.of(ListCheck.CHECK, HostCheck.CHECK, SpfCheck.CHECK, DmarcCheck.CHECK,
            DkimCheck.CHECK, MxCheck.CHECK);

    /**
     * One check to make.
     *
     * @param check   its kind
     * @param subject what it is about (also its identity: one task per kind and subject)
     * @param run     makes it
     * @param causes  the cause ids it answers for
     */
    record Task(String check, String subject, Function<Probe, CheckResult> run, Set<String> causes) {
    }

    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final Classifier classifier;
    private final List<InetAddress> ourIps;

    private CheckPlan(Classifier classifier, List<String> ips) {
        this.classifier = classifier;
        this.ourIps = ips.stream().map(Ips::parse).flatMap(Optional::stream).toList();
    }

    /** The checks for these rejections; {@code ips} are our sending IPs besides those the texts name. */
    static List<Task> of(List<CheckInput> inputs, List<String> ips, Classifier classifier) {
        CheckPlan plan = new CheckPlan(classifier, ips);
        inputs.forEach(plan::add);
        return List.copyOf(plan.tasks.values());
    }

    private void add(CheckInput in) {
        Category c = in.diagnosis().category();
        String cause = c.id();
        // which checks a cause calls for is data: the live_checks column of categories.csv
        Set<String> checks = classifier.liveChecks(c);
        if (in.blocklist() != null) {
            lists(in, cause);
        }
        if (!in.outbound()) {
            return;
        }
        Set<InetAddress> ips = new LinkedHashSet<>();
        Ips.named(in.text(), in.remoteIp()).forEach(s -> Ips.parse(s).ifPresent(ips::add));
        ips.addAll(ourIps);
        if (checks.contains("host")) {
            ips.forEach(ip -> task(HostCheck.CHECK, Ips.text(ip), cause, p -> HostCheck.run(p, ip)));
        }
        String domain = Named.senderDomain(in.sender(), in.text());
        if (checks.contains("auth") && !domain.isEmpty()) {
            String sender = in.sender().replace("<", "").replace(">", "");
            if (ips.isEmpty()) {
                task(SpfCheck.CHECK, domain, cause, p -> SpfCheck.run(p, domain, null, sender));
            }
            ips.forEach(ip -> task(SpfCheck.CHECK, domain + " for " + Ips.text(ip), cause,
                    p -> SpfCheck.run(p, domain, ip, sender)));
            task(DmarcCheck.CHECK, domain, cause, p -> DmarcCheck.run(p, domain));
            Named.dkim(in.text()).ifPresent(sd -> {
                String signer = sd[1].isEmpty() ? domain : sd[1];
                task(DkimCheck.CHECK, sd[0] + "._domainkey." + signer, cause, p -> DkimCheck.run(p, sd[0], signer));
            });
        }
        if (checks.contains("routing") && !in.recipientDomain().isEmpty()) {
            String rcpt = in.recipientDomain();
            task(MxCheck.CHECK, rcpt, cause, p -> MxCheck.run(p, rcpt));
        }
    }

    // The listed IP or domain; for our own mail also our other sending IPs (--ip), on the same list.
    private void lists(CheckInput in, String cause) {
        BlocklistInfo list = in.blocklist();
        List<String> subjects = new ArrayList<>();
        if (!list.listed().isEmpty()) {
            subjects.add(Ips.parse(list.listed()).map(Ips::text).orElse(list.listed()));
        }
        boolean byIp = list.listed().isEmpty() || Ips.parse(list.listed()).isPresent();
        if (in.outbound() && byIp) {
            ourIps.stream().map(Ips::text).filter(ip -> !subjects.contains(ip)).forEach(subjects::add);
        }
        String zone = Named.zone(list, in.text());
        if (subjects.isEmpty()) {
            task(ListCheck.CHECK, (zone.isEmpty() ? list.name() : zone) + " (no address)", cause,
                    p -> p.result(ListCheck.CHECK, zone.isEmpty() ? list.name() : zone, "not checked",
                            "the reply names no address" + (in.outbound() ? ": give our sending IP with --ip" : "")));
            return;
        }
        for (String s : subjects) {
            BlocklistInfo forS = s.equals(list.listed()) ? list : classifier.blocklist(new Diagnosis(
                    in.diagnosis().category(), "", "", list.id(), s, List.of())).orElse(list);
            if (zone.isEmpty()) {
                task(ListCheck.CHECK, list.name() + " " + s, cause, p -> ListCheck.noZone(p, forS, s));
            } else {
                task(ListCheck.CHECK, zone + " " + s, cause, p -> ListCheck.run(p, forS, zone, s));
            }
        }
    }

    private void task(String check, String subject, String cause, Function<Probe, CheckResult> run) {
        tasks.computeIfAbsent(check + " " + subject, k -> new Task(check, subject, run, new TreeSet<>()))
                .causes().add(cause);
    }
}

package dev.maillog554.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Checks the classifier's data files, each row and every reference between them, so that a typo in a key is a
 * message with a file and line instead of a rule, provider or tip that silently never applies. What the
 * classifier assumes when it builds from the files is what this checks.
 */
final class RulesCheck {

    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    // no dots: a tip key provider.<id>.<category> is split at them
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern REPLY = Pattern.compile("[245x][0-9x][0-9x]");
    private static final Pattern ENHANCED = Pattern.compile("(?:[245]|\\*)(?:\\.(?:[0-9]{1,3}|\\*)){1,2}");
    private static final Set<String> STAGES = Set.of("CONNECT", "HELO", "MAIL", "RCPT", "DATA");
    private static final Pattern GLOB = Pattern.compile("[a-z0-9*][a-z0-9.*-]{0,252}");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]{1,2000}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]{0,40})}");

    private final ClassifyData data;
    private final List<RuleProblem> out = new ArrayList<>();
    private final Set<String> categories = new HashSet<>();
    private final Set<String> providers = new HashSet<>();
    private final Set<String> blocklists = new HashSet<>();
    private final Set<String> rules = new HashSet<>();
    /** Scopes with at least one tip that has text. */
    private final Set<String> tipped;

    private RulesCheck(ClassifyData data) {
        this.data = data;
        data.categories().forEach(r -> categories.add(r.get("id")));
        data.providers().forEach(r -> providers.add(r.get("id")));
        data.blocklists().forEach(r -> blocklists.add(r.get("id")));
        data.rules().forEach(r -> rules.add(r.get("id")));
        tipped = TipsCheck.tipped(data);
    }

    /** Every problem, sorted by file and line; empty when the classifier can be built from the files as they are. */
    static List<RuleProblem> check(ClassifyData data) {
        RulesCheck c = new RulesCheck(data);
        c.out.addAll(data.problems);
        if (data.folder != null) {
            c.folder(data.folder);
        }
        data.categories().forEach(c::category);
        data.rules().forEach(c::rule);
        data.providers().forEach(c::provider);
        data.blocklists().forEach(c::blocklist);
        TipsCheck tips = new TipsCheck(data, c.categories, c.providers, c.blocklists, c.rules);
        data.tips().forEach(t -> tips.tip(t, c.out));
        if (!c.categories.contains(Category.UNKNOWN.id())) {
            c.out.add(new RuleProblem("classify/" + ClassifyData.CATEGORIES, 1, "no category '"
                    + Category.UNKNOWN.id() + "': the classifier gives it when no rule matches"));
        }
        c.out.addAll(DeadAlternatives.find(data.file(ClassifyData.RULES, true)));
        c.out.addAll(DeadAlternatives.find(data.file(ClassifyData.RULES, false)));
        c.out.sort(Comparator.comparing(RuleProblem::file).thenComparingLong(RuleProblem::line));
        return List.copyOf(c.out);
    }

    private void folder(Path folder) {
        String label = folder.toString();
        if (!Files.isDirectory(folder)) {
            out.add(new RuleProblem(label, 0, "no such folder"));
            return;
        }
        if (data.localFiles.isEmpty()) {
            out.add(new RuleProblem(label, 0, "holds none of " + String.join(", ", ClassifyData.FILES)));
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString()).sorted()
                    .filter(n -> (n.endsWith(".csv") || n.endsWith(".properties")) && !ClassifyData.FILES.contains(n))
                    .forEach(n -> out.add(new RuleProblem(folder.resolve(n).toString(), 0, "not read: the files "
                            + "read are " + String.join(", ", ClassifyData.FILES))));
        } catch (IOException e) {
            out.add(new RuleProblem(label, 0, "cannot list the folder: " + e.getMessage()));
        }
    }

    private void category(DataFile.Row r) {
        String id = r.get("id");
        if (!Category.wellFormed(id)) {
            out.add(r.problem("id '" + id + "': use lower-case letters, digits and dashes, e.g. relay-denied"));
        }
        required(r, "sisimai");
        required(r, "description");
        String find = r.get("find_blocklist");
        if (!find.isEmpty() && !"yes".equals(find) && !"no".equals(find)) {
            out.add(r.problem("find_blocklist '" + find + "': use yes or no"));
        }
        for (String check : Categories.liveChecks(r.get("live_checks"))) {
            if (!Categories.LIVE_CHECKS.contains(check)) {
                out.add(r.problem("live_checks '" + check + "': use host, auth or routing, separated by spaces"));
            }
        }
        if (!tipped.contains("category." + id)) {
            out.add(r.problem("category '" + id + "' has no tip: add category." + id + ".1=... to tips.properties"));
        }
    }

    private void rule(DataFile.Row r) {
        String id = r.get("id");
        if (!RULE_ID.matcher(id).matches()) {
            out.add(r.problem("id '" + id + "': use lower-case letters, digits, dots and dashes"));
        }
        known(r, "category", categories, ClassifyData.CATEGORIES);
        codes(r, "reply", REPLY, "554, 5xx or 550|554");
        codes(r, "enhanced", ENHANCED, "5.7.1, 5.7.*, *.7.26 or 5.1.1|5.1.10");
        stage(r);
        String provider = r.get("provider");
        if (!provider.isEmpty() && !"*".equals(provider) && !providers.contains(provider)) {
            out.add(r.problem("provider '" + provider + "' is not in " + ClassifyData.PROVIDERS));
        }
        String text = r.get("text");
        boolean anyText = text.isEmpty() || "*".equals(text);
        if (!anyText) {
            regex(r, "text", text);
        } else if (Stream.of("reply", "enhanced", "stage", "provider")
                .allMatch(c -> r.get(c).isEmpty() || "*".equals(r.get(c)))) {
            out.add(r.problem("the rule matches every rejection, so no rule after it is ever tried"));
        }
    }

    private void provider(DataFile.Row r) {
        id(r);
        required(r, "name");
        words(r, "domains");
        words(r, "hosts");
        if (!r.get("markers").isEmpty()) {
            regex(r, "markers", r.get("markers"));
        }
        if (r.get("domains").isBlank() && r.get("hosts").isBlank() && r.get("markers").isEmpty()) {
            out.add(r.problem("provider '" + r.get("id") + "' has no domains, hosts or markers: it is never found"));
        }
    }

    private void blocklist(DataFile.Row r) {
        id(r);
        required(r, "name");
        if (required(r, "pattern")) {
            regex(r, "pattern", r.get("pattern"));
        }
        String subject = r.get("subject");
        if (!"ip".equals(subject) && !"domain".equals(subject)) {
            out.add(r.problem("subject '" + subject + "': use ip or domain"));
        }
        url(r, "lookup", true);
        url(r, "delist", false);
    }

    private void id(DataFile.Row r) {
        String id = r.get("id");
        if (!KEY_ID.matcher(id).matches()) {
            out.add(r.problem("id '" + id + "': use lower-case letters, digits and dashes"));
        }
    }

    private boolean required(DataFile.Row r, String column) {
        if (r.get(column).isEmpty()) {
            out.add(r.problem("empty " + column));
            return false;
        }
        return true;
    }

    private void known(DataFile.Row r, String column, Set<String> ids, String file) {
        String v = r.get(column);
        if (!ids.contains(v)) {
            out.add(r.problem(column + " '" + v + "' is not in " + file));
        }
    }

    private void codes(DataFile.Row r, String column, Pattern alternative, String examples) {
        String v = r.get(column);
        if (v.isEmpty() || "*".equals(v)) {
            return;
        }
        for (String alt : v.split("\\|", -1)) {
            if (!alternative.matcher(alt.trim().toLowerCase(java.util.Locale.ROOT)).matches()) {
                out.add(r.problem(column + " '" + v + "': '" + alt + "' is not a code pattern (e.g. " + examples
                        + ", or *)"));
                return;
            }
        }
    }

    private void stage(DataFile.Row r) {
        String v = r.get("stage");
        if (v.isEmpty() || "*".equals(v)) {
            return;
        }
        for (String s : (v.startsWith("!") ? v.substring(1) : v).split("\\|", -1)) {
            if (!STAGES.contains(s)) {
                out.add(r.problem("stage '" + v + "': '" + s + "' is not one of CONNECT, HELO, MAIL, RCPT, DATA "
                        + "(a list joined by |, ! before it to exclude, or *)"));
                return;
            }
        }
    }

    private void words(DataFile.Row r, String column) {
        for (String w : r.get(column).toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
            if (!w.isEmpty() && !GLOB.matcher(w).matches()) {
                out.add(r.problem(column + ": '" + w + "' is not a host or domain name (letters, digits, dots, "
                        + "dashes, *)"));
            }
        }
    }

    private void url(DataFile.Row r, String column, boolean needed) {
        String v = r.get(column);
        if (v.isEmpty()) {
            if (needed) {
                out.add(r.problem("empty " + column));
            }
            return;
        }
        if (!URL.matcher(v).matches()) {
            out.add(r.problem(column + " '" + v + "' is not an http:// or https:// address"));
        }
        Matcher m = PLACEHOLDER.matcher(v);
        while (m.find()) {
            if (!"ip".equals(m.group(1)) && !"domain".equals(m.group(1))) {
                out.add(r.problem(column + ": unknown placeholder {" + m.group(1) + "}: use {ip} or {domain}"));
            }
        }
    }

    // compiles as the classifier does, then the catastrophic-backtracking lint
    private void regex(DataFile.Row r, String column, String regex) {
        try {
            Pattern.compile(RuleSet.lowerLiterals(regex));
        } catch (PatternSyntaxException e) {
            out.add(r.problem(column + " is not a valid regex: " + e.getDescription() + " near index "
                    + e.getIndex() + " of '" + regex + "'"));
            return;
        }
        String nested = RegexLint.nestedQuantifier(regex);
        if (nested != null) {
            out.add(r.problem(column + " could backtrack catastrophically on hostile text (" + nested
                    + "): bound the inner or outer repetition, e.g. {0,80}"));
        }
    }
}

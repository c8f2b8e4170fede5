package dev.maillog554.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classifier's data: the shipped files, and before them the files of a postmaster's classify folder when one
 * is given. Every row keeps its file and line for messages.
 *
 * <p>Precedence, the same for every file: a local row comes first and hides the shipped row with the same key
 * (a rule's, provider's, blocklist's or category's id; a tip's whole key), and the other shipped rows follow in
 * their own order. So a local rule is tried before every shipped one, a local provider or blocklist is
 * recognised before the shipped ones, and a local tip with the key of a shipped tip replaces its text.
 */
final class ClassifyData {

    static final String RULES = "rules.csv";
    static final String PROVIDERS = "providers.csv";
    static final String BLOCKLISTS = "blocklists.csv";
    static final String CATEGORIES = "categories.csv";
    static final String TIPS = "tips.properties";

    /** The files a classify folder may hold, any subset of them. */
    static final List<String> FILES = List.of(RULES, PROVIDERS, BLOCKLISTS, CATEGORIES, TIPS);

    // Required columns, then optional ones (read as empty when a local file leaves them out).
    private static final Map<String, List<List<String>>> COLUMNS = Map.of(
            RULES, List.of(List.of("id", "category", "reply", "enhanced", "stage", "provider", "text"),
                    List.of("note")),
            PROVIDERS, List.of(List.of("id", "name"), List.of("domains", "hosts", "markers")),
            BLOCKLISTS, List.of(List.of("id", "name", "pattern", "subject", "lookup"),
                    List.of("delist", "zones", "note")),
            CATEGORIES, List.of(List.of("id", "sisimai", "description"), List.of("find_blocklist", "live_checks")));

    final Path folder;
    /** Per CSV file, the local rows then the shipped rows they do not hide. */
    private final Map<String, List<DataFile.Row>> tables = new LinkedHashMap<>();
    /** Per CSV file, the rows of the local file alone (empty without a folder), and of the shipped file. */
    private final Map<String, List<DataFile.Row>> localTables = new LinkedHashMap<>();
    private final Map<String, List<DataFile.Row>> shippedTables = new LinkedHashMap<>();
    /** The tips by key: a local tip replaces the shipped one. */
    private final Map<String, DataFile.Tip> tips = new LinkedHashMap<>();
    /** Keys of shipped tips, so that an empty local tip can hide one, and the local tips. */
    private final Set<String> shippedTipKeys = new HashSet<>();
    private final Set<DataFile.Tip> localTips = new HashSet<>();
    /** Problems of shape, found while reading. */
    final List<RuleProblem> problems = new ArrayList<>();
    /** The local files that exist. */
    final List<String> localFiles = new ArrayList<>();

    private ClassifyData(Path folder) {
        this.folder = folder;
    }

    /** Reads the shipped files, and the folder's before them when {@code folder} is not null. */
    static ClassifyData read(Path folder) {
        ClassifyData d = new ClassifyData(folder);
        if (folder != null) {
            for (String name : FILES) {
                if (DataFile.local(folder, name).exists()) {
                    d.localFiles.add(name);
                }
            }
        }
        for (String name : List.of(RULES, PROVIDERS, BLOCKLISTS, CATEGORIES)) {
            List<String> required = COLUMNS.get(name).get(0);
            List<String> optional = COLUMNS.get(name).get(1);
            List<DataFile.Row> local = folder == null ? List.of()
                    : DataFile.local(folder, name).rows(required, optional, "id", d.problems);
            List<DataFile.Row> shipped = DataFile.shipped(name).rows(required, optional, "id", d.problems);
            d.localTables.put(name, local);
            d.shippedTables.put(name, shipped);
            d.tables.put(name, merge(local, shipped));
        }
        for (DataFile.Tip t : DataFile.shipped(TIPS).tips(d.problems)) {
            d.tips.put(t.key(), t);
            d.shippedTipKeys.add(t.key());
        }
        if (folder != null) {
            for (DataFile.Tip t : DataFile.local(folder, TIPS).tips(d.problems)) {
                d.tips.put(t.key(), t);
                d.localTips.add(t);
            }
        }
        return d;
    }

    private static List<DataFile.Row> merge(List<DataFile.Row> local, List<DataFile.Row> shipped) {
        List<DataFile.Row> out = new ArrayList<>(local);
        Set<String> hidden = new HashSet<>();
        local.forEach(r -> hidden.add(r.get("id")));
        for (DataFile.Row r : shipped) {
            if (!hidden.contains(r.get("id"))) {
                out.add(r);
            }
        }
        return out;
    }

    List<DataFile.Row> rules() {
        return tables.get(RULES);
    }

    List<DataFile.Row> providers() {
        return tables.get(PROVIDERS);
    }

    List<DataFile.Row> blocklists() {
        return tables.get(BLOCKLISTS);
    }

    List<DataFile.Row> categories() {
        return tables.get(CATEGORIES);
    }

    /** The rows of one CSV file as it is written: the local file's, or the shipped one's when local is false. */
    List<DataFile.Row> file(String name, boolean local) {
        return (local ? localTables : shippedTables).get(name);
    }

    /** Every tip, local ones in place of the shipped ones they replace. */
    List<DataFile.Tip> tips() {
        return List.copyOf(tips.values());
    }

    /** Whether the tip is a local one with the key of a shipped one (then an empty value hides that tip). */
    boolean hidesShippedTip(DataFile.Tip t) {
        return localTips.contains(t) && shippedTipKeys.contains(t.key());
    }
}

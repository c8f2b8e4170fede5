package dev.maillog554.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The causes from categories.csv, in file order, with what the classifier and the reports know of each. */
final class Categories {

    /**
     * One line of categories.csv.
     *
     * @param sisimai       the Sisimai reason it corresponds to
     * @param findBlocklist whether replies of this cause may name a blocklist worth looking up
     * @param liveChecks    what {@code --check} asks about outbound rejections of it: host, auth, routing
     * @param description   one line for people
     */
    record Entry(Category category, String sisimai, boolean findBlocklist, Set<String> liveChecks,
                 String description) {
    }

    /** The kinds of live check a category may ask for. */
    static final Set<String> LIVE_CHECKS = Set.of("host", "auth", "routing");

    private final Map<Category, Entry> entries;

    private Categories(Map<Category, Entry> entries) {
        this.entries = entries;
    }

    /** Rows already checked (ids well formed, {@code find_blocklist} yes, no or empty). */
    static Categories of(List<DataFile.Row> rows) {
        Map<Category, Entry> m = new LinkedHashMap<>();
        for (DataFile.Row r : rows) {
            Category c = new Category(r.get("id"));
            m.put(c, new Entry(c, r.get("sisimai"), "yes".equals(r.get("find_blocklist")),
                    liveChecks(r.get("live_checks")), r.get("description")));
        }
        return new Categories(m);
    }

    /** The words of a live_checks cell (empty when the column is absent). */
    static Set<String> liveChecks(String cell) {
        return cell == null || cell.isBlank() ? Set.of() : Set.of(cell.trim().split("\\s+"));
    }

    List<Category> all() {
        return List.copyOf(new ArrayList<>(entries.keySet()));
    }

    /** The category with this id if the files define it (any case, {@code _} for {@code -}). */
    Optional<Category> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            Category c = Category.fromId(id);
            return entries.containsKey(c) ? Optional.of(c) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What the files say about a category; a category they do not define (an older run's) gets blanks. */
    Entry get(Category c) {
        Entry e = entries.get(c);
        return e != null ? e : new Entry(c, "undefined", false, Set.of(), "");
    }
}

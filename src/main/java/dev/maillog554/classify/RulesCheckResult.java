package dev.maillog554.classify;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code rules check} found in the files a classifier would be built from: the problems, or how much the
 * files hold.
 *
 * @param problems   every problem, by file and line; empty when the files are clean
 * @param rules      rules tried, local and shipped (a local one hides the shipped one with its id)
 * @param providers  providers
 * @param blocklists blocklists
 * @param categories categories
 * @param tips       tips
 * @param folder     the classify folder read before the shipped files, or null
 * @param localFiles the folder's data files that exist
 */
public record RulesCheckResult(List<RuleProblem> problems, int rules, int providers, int blocklists, int categories,
                               int tips, Path folder, List<String> localFiles) {

    /** Checks the shipped files, after {@code folder}'s when it is not null. */
    public static RulesCheckResult of(Path folder) {
        ClassifyData d = ClassifyData.read(folder);
        return new RulesCheckResult(RulesCheck.check(d), d.rules().size(), d.providers().size(),
                d.blocklists().size(), d.categories().size(), d.tips().size(), folder, List.copyOf(d.localFiles));
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** One line, e.g. {@code OK: 263 rules, 26 providers, ... (/etc/maillog554/classify: rules.csv, shipped files)}. */
    public String summary() {
        return "OK: " + rules + " rules, " + providers + " providers, " + blocklists + " blocklists, " + categories
                + " categories, " + tips + " tips (" + (folder == null ? "shipped files only"
                : folder + ": " + String.join(", ", localFiles) + ", then the shipped files") + ")";
    }
}

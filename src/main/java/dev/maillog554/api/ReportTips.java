package dev.maillog554.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.maillog554.aggregate.CategoryTally;
import dev.maillog554.aggregate.Counts;
import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.Rejection;

/** Fills in the tips of causes read from the history, which stores the cause but not its advice. */
@ApplicationScoped
public class ReportTips {

    private final Classifier classifier = Classifier.load();

    /** The same counts, each cause with the tips its example rejections get from the classifier. */
    public Counts withTips(Counts c) {
        List<CategoryTally> causes = new ArrayList<>(c.categories().size());
        for (CategoryTally t : c.categories()) {
            Set<String> tips = new LinkedHashSet<>(t.tips());
            for (Rejection r : t.examples()) {
                tips.addAll(classifier.classify(r.event()).tips());
            }
            causes.add(t.with(t.examples(), List.copyOf(tips)));
        }
        return c.withCategories(causes);
    }
}

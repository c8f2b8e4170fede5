package dev.maillog554.api;

import jakarta.enterprise.context.ApplicationScoped;

import dev.maillog554.aggregate.Counts;
import dev.maillog554.classify.Classifier;

/** Fills in the tips of causes read from the history, which stores the cause but not its advice. */
@ApplicationScoped
public class ReportTips {

    private final Classifier classifier = Classifier.load();

    /** The same counts, each cause with the tips its example rejections get from the classifier. */
    public Counts withTips(Counts c) {
        return c.withTipsOf(r -> classifier.classify(r.event()).tips());
    }
}

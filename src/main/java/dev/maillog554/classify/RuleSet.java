package dev.maillog554.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;

/** The ordered rules from classify/rules.csv; the first rule that matches wins. */
final class RuleSet {

    private final List<Rule> rules;

    private RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static RuleSet load() {
        List<Rule> out = new ArrayList<>();
        for (CSVRecord r : Resources.csv("rules.csv")) {
            String text = r.get("text");
            Pattern p = text.isEmpty() || "*".equals(text)
                    ? null : Pattern.compile(text, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            out.add(new Rule(r.get("id"), Category.fromId(r.get("category")), r.get("reply"), r.get("enhanced"),
                    r.get("stage"), r.get("provider"), p));
        }
        return new RuleSet(out);
    }

    Rule first(Rule.Probe probe) {
        for (Rule r : rules) {
            if (r.matches(probe)) {
                return r;
            }
        }
        return null;
    }

    List<Rule> rules() {
        return rules;
    }
}

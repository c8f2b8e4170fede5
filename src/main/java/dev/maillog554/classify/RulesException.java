package dev.maillog554.classify;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The classifier's data files have problems, so no classifier was built: a rule could silently never match.
 * An {@link IllegalArgumentException}, because it is bad input (exit code 2), named in the message line by line.
 */
public final class RulesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    RulesException(List<RuleProblem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the classify files (see "
                + "maillog554 rules check):\n" + problems.stream().map(RuleProblem::toString)
                        .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in file and line order. */
    public List<RuleProblem> problems() {
        return problems;
    }
}

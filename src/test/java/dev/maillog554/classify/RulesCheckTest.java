package dev.maillog554.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** rules check on the shipped files and on broken copies: each kind of problem names its file and line. */
class RulesCheckTest {

    @Test
    void shippedFilesAreClean() {
        List<RuleProblem> problems = RulesCheck.check(ClassifyData.read(null));
        assertEquals("", String.join("\n", problems.stream().map(RuleProblem::toString).toList()));
    }
}

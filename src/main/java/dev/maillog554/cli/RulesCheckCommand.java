package dev.maillog554.cli;

import java.util.concurrent.Callable;

import dev.maillog554.classify.RulesCheckResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code maillog554 rules check}: checks a classify folder and the shipped files before a scan relies on them. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the classify folder (--classify-dir, or the configured one) and the shipped files: "
                + "CSV shape, regexes that compile and cannot backtrack catastrophically, well-formed codes, and "
                + "every reference between the files. Prints FILE:LINE: problem on stderr for each problem.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:The files are clean; one summary line on stdout.",
            "2:Problems found (one line each on stderr), or bad usage."})
class RulesCheckCommand implements Callable<Integer> {

    @Mixin
    ClassifyOptions classify;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RulesCheckResult r = RulesCheckResult.of(classify.choose().orElse(null));
        if (!r.ok()) {
            ClassifyOptions.print(spec.commandLine().getErr(), r.problems());
            return ExitCodes.BAD_INPUT;
        }
        spec.commandLine().getOut().println(r.summary());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

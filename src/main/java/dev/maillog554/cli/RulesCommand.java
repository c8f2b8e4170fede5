package dev.maillog554.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code maillog554 rules}: the classifier's data files; its one job is {@code check}. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Work with the classifier's rules, providers, blocklists, categories and tips.",
        subcommands = {RulesCheckCommand.class})
class RulesCommand implements Callable<Integer>, NoHistory {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: use 'rules check'");
    }
}

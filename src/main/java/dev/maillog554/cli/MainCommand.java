package dev.maillog554.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** The {@code maillog554} command; each job is a subcommand. */
@TopCommand
@Command(name = "maillog554", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = "Finds SMTP 554 rejections in Postfix and Exim logs, explains why each happened, "
                + "and reports them by code and recipient domain.",
        subcommands = {ScanCommand.class, ReportCommand.class, RunsCommand.class, PruneCommand.class,
            ExplainCommand.class})
class MainCommand {
}

package dev.maillog554.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** The {@code maillog554} command; each job is a subcommand. */
@TopCommand
@Command(name = "maillog554", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = "Finds SMTP 554 rejections in Postfix and Exim logs, explains why each happened, "
                + "and reports them by code and recipient domain.",
        subcommands = {ScanCommand.class, ReportCommand.class, RunsCommand.class, PruneCommand.class,
            ExplainCommand.class, ServeCommand.class, RulesCommand.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:Finished (for scan: whether or not rejections were found).",
            "1:Runtime failure: database or report folder unusable.",
            "2:Bad usage, a classify file with problems, or some input could not be read (the others were "
                + "processed).",
            "3:Lines were read but none was a Postfix or Exim line.",
            "4:More rejections than --fail-if-count allows.",
            "5:Another run holds the database (use --wait to queue)."})
class MainCommand {
}

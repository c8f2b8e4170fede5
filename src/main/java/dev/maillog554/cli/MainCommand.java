package dev.maillog554.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

@TopCommand
@Command(name = "maillog554", mixinStandardHelpOptions = true, subcommands = {ExplainCommand.class})
class MainCommand {
}

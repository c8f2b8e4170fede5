package dev.maillog554.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command line as picocli itself reads it, for what must be known before Quarkus starts (the database and
 * HTTP settings are fixed at start-up, before picocli runs the command). The same command classes and the same
 * parser as the run that follows, so {@code --}, {@code --opt=value}, quoting and abbreviations mean the same
 * here as there. A command line picocli refuses is left to picocli to report, from a start-up without a database.
 */
final class StartupArgs {

    private final ParseResult command;

    private StartupArgs(ParseResult command) {
        this.command = command;
    }

    /** Parses {@code args} with the real command classes; never throws. */
    static StartupArgs parse(String[] args) {
        try {
            ParseResult top = new CommandLine(MainCommand.class).parseArgs(args);
            ParseResult deepest = top;
            while (deepest.subcommand() != null) {
                deepest = deepest.subcommand();
            }
            return new StartupArgs(deepest.isUsageHelpRequested() || deepest.isVersionHelpRequested()
                    || top.isUsageHelpRequested() || top.isVersionHelpRequested() || deepest == top ? null : deepest);
        } catch (CommandLine.ParameterException | CommandLine.InitializationException e) {
            return new StartupArgs(null);
        }
    }

    /**
     * True for a command that reads or writes the history. False for a command line picocli refuses, for help,
     * version and no command at all, and for {@link NoHistory} commands.
     */
    boolean needsDatabase() {
        if (command == null) {
            return false;
        }
        for (CommandSpec s = command.commandSpec(); s != null; s = s.parent()) {
            if (s.userObject() instanceof NoHistory) {
                return false;
            }
        }
        return true;
    }

    /** The name of the command that runs ({@code serve}, {@code scan}, ...), or empty. */
    String name() {
        return command == null ? "" : command.commandSpec().name();
    }

    /** The value given for an option of the command, or null when it was not given. */
    String value(String option) {
        if (command == null || !command.hasMatchedOption(option)) {
            return null;
        }
        List<String> values = command.matchedOption(option).stringValues();
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** True when a boolean option of the command was given and is on ({@code --wait}, {@code --redact=true}). */
    boolean flag(String option) {
        if (command == null || !command.hasMatchedOption(option)) {
            return false;
        }
        Object v = command.matchedOptionValue(option, Boolean.FALSE);
        return Boolean.TRUE.equals(v);
    }
}

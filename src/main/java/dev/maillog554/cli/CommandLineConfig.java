package dev.maillog554.cli;

import java.io.PrintWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.maillog554.store.BusyException;
import dev.maillog554.store.SqlText;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import picocli.CommandLine;

/** Builds the command line once, with the one place where exceptions become exit codes and messages. */
@ApplicationScoped
class CommandLineConfig {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        CommandLine cl = factory.create();
        cl.setExecutionExceptionHandler(CommandLineConfig::onException);
        cl.setParameterExceptionHandler(CommandLineConfig::onBadUsage);
        return cl;
    }

    // Errors are one line on stderr; a stack trace only with MAILLOG554_DEBUG set.
    private static int onException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof BusyException) {
            err.println("maillog554: " + e.getMessage());
            return ExitCodes.BUSY;
        }
        if (Startup.stopping()) {
            err.println("maillog554: " + Startup.STOPPED);
            return ExitCodes.FAILURE;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("maillog554: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        String line = Startup.outOfMemory(e) ? describe(e) + ": " + dev.maillog554.scan.ScanService.OUT_OF_MEMORY_HINT
                : Failures.describe(e).or(() -> Failures.unknownDatabase(e)).orElseGet(() -> describe(e));
        err.println("maillog554: " + line);
        if (System.getenv("MAILLOG554_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCodes.FAILURE;
    }

    private static int onBadUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("maillog554: " + e.getMessage());
        cl.getErr().println("try '" + cl.getCommandSpec().qualifiedName() + " --help'");
        return ExitCodes.BAD_INPUT;
    }

    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        Throwable t = e;
        while (t != null && sb.length() < 400) {
            String m = SqlText.withoutStatement(t.getMessage());
            if (m != null && !m.isBlank() && sb.indexOf(m) < 0) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(m.strip().replace('\n', ' '));
            }
            t = t.getCause();
        }
        return sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString();
    }
}

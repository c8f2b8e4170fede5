package dev.maillog554.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code maillog554 serve}: the REST API and live HTML report over the stored history. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the stored history: the HTML report at /, JSON under /api (runs, counts, rejections, "
                + "explain), the OpenAPI document at /q/openapi and the last scan's metrics for Prometheus at "
                + "/q/metrics. Stop with Ctrl-C.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:Stopped normally.",
            "1:Runtime failure: the port is taken or the database is unusable.",
            "2:Bad usage: also --host other than loopback without a token, an unreadable --token-file, or a "
                    + "configured classify folder with problems."})
class ServeCommand implements Callable<Integer> {

    // Read by ServeOptions before start-up; declared here for --help and validation.
    @Option(names = "--host", paramLabel = "<address>", defaultValue = ServeOptions.DEFAULT_HOST,
            description = "Address to listen on; only this machine by default (default: ${DEFAULT-VALUE}). Any "
                    + "address but loopback needs a token.")
    String host;

    @Option(names = "--token-file", paramLabel = "<file>",
            description = "File whose first line is the token every request must send as 'Authorization: Bearer "
                    + "<token>' (or set " + ServeOptions.TOKEN_ENV + "); required unless --host is loopback.")
    Path tokenFile;

    @Option(names = "--port", paramLabel = "<port>", defaultValue = "" + ServeOptions.DEFAULT_PORT,
            description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--redact", description = "Replace the local part of every address with a short stable hash "
            + "in every response.")
    boolean redact;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "invalid port " + port + ": use 0 to 65535");
        }
        // serve takes the classify folder from its configuration only: the API answers from start-up on
        if (!new ClassifyOptions().ready(spec.commandLine().getErr())) {
            return ExitCodes.BAD_INPUT;
        }
        Config config = ConfigProvider.getConfig();
        int actual = config.getOptionalValue("quarkus.http.port", Integer.class).orElse(port);
        boolean token = config.getOptionalValue(ServeOptions.TOKEN_KEY, String.class).filter(t -> !t.isBlank())
                .isPresent();
        spec.commandLine().getErr().println("maillog554: serving http://" + (host.contains(":") ? "[" + host + "]"
                : host) + ":" + actual + "/ (API under /api, OpenAPI at /q/openapi, "
                + "metrics at /q/metrics" + (token ? "; every request "
                + "needs the bearer token" : "") + "); Ctrl-C stops");
        spec.commandLine().getErr().flush();
        Quarkus.waitForExit();
        return ExitCodes.OK;
    }
}

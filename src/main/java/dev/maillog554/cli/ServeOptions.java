package dev.maillog554.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns {@code serve --host/--port/--redact/--token-file} into configuration keys before Quarkus starts, because
 * the HTTP server is configured at start-up, before picocli runs the command; picocli reads them first
 * ({@link StartupArgs}), so a value it rejects (a port that is not a number) never gets here. It also decides,
 * before any port is opened, whether {@code serve} may start: an address other machines can reach needs a token.
 */
final class ServeOptions {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8554;
    /** The environment variable that gives the token, for when a file is not wanted. */
    static final String TOKEN_ENV = "MAILLOG554_API_TOKEN";
    static final String TOKEN_KEY = "maillog554.api.token";

    private ServeOptions() {
    }

    /** {@link #apply(StartupArgs, Map)} with the process's environment. */
    static String apply(StartupArgs args) {
        return apply(args, System.getenv());
    }

    /**
     * Sets the system properties for a {@code serve} command line; other commands are left untouched.
     *
     * @return why {@code serve} must not start (for one line on stderr and exit code 2), or null
     */
    static String apply(StartupArgs args, Map<String, String> env) {
        if (!"serve".equals(args.name())) {
            return null;
        }
        // Batch commands never open a port: the HTTP server listens only for "serve".
        System.setProperty("maillog554.serve", "true");
        // Tests start many applications in one JVM: a token of an earlier one must not linger.
        System.clearProperty(TOKEN_KEY);
        if (args.flag("--redact")) {
            System.setProperty("maillog554.api.redact", "true");
        }
        String host = args.value("--host") == null ? DEFAULT_HOST : args.value("--host");
        if (args.value("--host") != null) {
            System.setProperty("quarkus.http.host", host);
        }
        if (args.value("--port") != null && validPort(args.value("--port"))) {
            System.setProperty("quarkus.http.port", args.value("--port"));
        }
        String tokenFile = args.value("--token-file");
        String token;
        if (tokenFile != null) {
            try {
                token = readToken(Path.of(tokenFile));
            } catch (IOException | RuntimeException e) {
                return "cannot read --token-file '" + tokenFile + "': " + reason(e)
                        + ": give a readable file holding the token on one line";
            }
            if (token.isEmpty()) {
                return "--token-file '" + tokenFile + "' is empty: put the token on its first line";
            }
        } else {
            String fromEnv = env.get(TOKEN_ENV);
            token = fromEnv == null ? "" : fromEnv.strip();
        }
        if (!token.isEmpty()) {
            System.setProperty(TOKEN_KEY, token);
        }
        return mayStart(host, !token.isEmpty()) ? null : "serve --host " + host + " can be reached from other "
                + "machines and would show every sender and recipient to them: give a token with --token-file FILE "
                + "or " + TOKEN_ENV + " (see README, Exposing serve), or serve on 127.0.0.1 behind a proxy";
    }

    /** Loopback may be served without a token; any other address only with one. */
    static boolean mayStart(String host, boolean hasToken) {
        return hasToken || loopback(host);
    }

    /** True when {@code host} names this machine's loopback only (127.0.0.0/8, ::1, localhost). */
    static boolean loopback(String host) {
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.isEmpty()) {
            return false;
        }
        try {
            // Every address a name resolves to must be loopback: the server would listen on the first.
            for (InetAddress a : InetAddress.getAllByName(h)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false; // the bind fails later with its own message; never assume loopback
        }
    }

    // The first line, without surrounding blanks: `echo token > file` leaves a newline that is no part of it.
    private static String readToken(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static boolean validPort(String value) {
        try {
            int p = Integer.parseInt(value);
            return p >= 0 && p <= 65535;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

package dev.maillog554.cli;

/**
 * Turns {@code serve --host/--port/--redact} into configuration keys before Quarkus starts, because the HTTP
 * server is configured at start-up, before picocli runs the command. Values picocli would reject (a port that
 * is not a number) are left alone so that picocli reports them.
 */
final class ServeOptions {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8554;

    private ServeOptions() {
    }

    /** Sets the system properties for a {@code serve} command line; other commands are left untouched. */
    static void apply(String[] args) {
        if (args.length == 0 || !"serve".equals(args[0])) {
            return;
        }
        // Batch commands never open a port: the HTTP server listens only for "serve".
        System.setProperty("maillog554.serve", "true");
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if ("--".equals(a)) {
                return;
            }
            int eq = a.indexOf('=');
            String name = eq > 0 ? a.substring(0, eq) : a;
            if ("--redact".equals(name)) {
                System.setProperty("maillog554.api.redact", eq > 0 ? a.substring(eq + 1) : "true");
                continue;
            }
            String key = "--host".equals(name) ? "quarkus.http.host" : "--port".equals(name) ? "quarkus.http.port"
                    : null;
            if (key == null) {
                continue;
            }
            String value = eq > 0 ? a.substring(eq + 1) : i + 1 < args.length ? args[++i] : null;
            if (value != null && (key.equals("quarkus.http.host") || validPort(value))) {
                System.setProperty(key, value);
            }
        }
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

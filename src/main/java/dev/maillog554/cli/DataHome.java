package dev.maillog554.cli;

import java.util.Map;

/**
 * Where the embedded history lives by default: {@code $XDG_DATA_HOME/maillog554}, as the XDG Base Directory
 * specification asks of per-user data, else {@code ~/.local/share/maillog554} (the specification's own default).
 * An empty or relative {@code XDG_DATA_HOME} is ignored, as the specification says.
 */
final class DataHome {

    /** System property that application.properties builds {@code maillog554.data-dir}'s default from. */
    static final String DEFAULT_KEY = "maillog554.default-data-dir";

    private DataHome() {
    }

    /** The default data folder for this environment and home directory. */
    static String defaultDataDir(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_DATA_HOME");
        String base = xdg != null && xdg.startsWith("/") ? xdg : userHome + "/.local/share";
        return (base.endsWith("/") ? base : base + "/") + "maillog554";
    }

    /**
     * Publishes the default for this process before start-up, so that a {@code maillog554.data-dir} from the
     * command line, the environment or a config file still wins over it.
     */
    static String publish() {
        String dir = System.getProperty(DEFAULT_KEY);
        if (dir == null) {
            dir = defaultDataDir(System.getenv(), System.getProperty("user.home"));
            System.setProperty(DEFAULT_KEY, dir);
        }
        return dir;
    }
}

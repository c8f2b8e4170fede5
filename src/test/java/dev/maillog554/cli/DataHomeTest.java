package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The default history folder follows the XDG Base Directory specification. */
class DataHomeTest {

    @Test
    void honoursXdgDataHomeWhenAbsolute() {
        assertEquals("/srv/data/maillog554", DataHome.defaultDataDir(Map.of("XDG_DATA_HOME", "/srv/data"), "/home/u"));
        assertEquals("/srv/data/maillog554", DataHome.defaultDataDir(Map.of("XDG_DATA_HOME", "/srv/data/"), "/home/u"));
    }

    @Test
    void fallsBackToLocalShareWhenUnsetEmptyOrRelative() {
        assertEquals("/home/u/.local/share/maillog554", DataHome.defaultDataDir(Map.of(), "/home/u"));
        assertEquals("/home/u/.local/share/maillog554",
                DataHome.defaultDataDir(Map.of("XDG_DATA_HOME", ""), "/home/u"));
        assertEquals("/home/u/.local/share/maillog554",
                DataHome.defaultDataDir(Map.of("XDG_DATA_HOME", "data"), "/home/u"));
    }
}

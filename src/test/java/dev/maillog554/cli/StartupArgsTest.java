package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What start-up reads of the command line before Quarkus starts is what picocli reads after. */
class StartupArgsTest {

    @Test
    void optionsOfTheCommandInBothForms() {
        StartupArgs a = StartupArgs.parse(new String[] {"scan", "--db-url=jdbc:h2:mem:x", "--db-user", "u",
            "--wait", "mail.log"});
        assertTrue(a.needsDatabase());
        assertEquals("scan", a.name());
        assertEquals("jdbc:h2:mem:x", a.value("--db-url"));
        assertEquals("u", a.value("--db-user"));
        assertNull(a.value("--data-dir"));
        assertTrue(a.flag("--wait"));
    }

    @Test
    void afterDoubleDashEverythingIsAFileName() {
        // a log file named --wait, and one named --db-url: neither is an option after "--"
        StartupArgs a = StartupArgs.parse(new String[] {"scan", "--", "--wait", "--db-url", "x"});
        assertTrue(a.needsDatabase());
        assertFalse(a.flag("--wait"));
        assertNull(a.value("--db-url"));
    }

    @Test
    void anOptionNameIsNoValueAsPicocliSees() {
        // "--data-dir --wait": picocli refuses the missing folder; start-up must neither wait nor pick "--wait"
        StartupArgs a = StartupArgs.parse(new String[] {"prune", "--older-than", "30d", "--data-dir", "--wait"});
        assertNull(a.value("--data-dir"));
        assertFalse(a.flag("--wait"));
        assertFalse(a.needsDatabase());
        // a value that is no option of the command is a value
        assertEquals("-x", StartupArgs.parse(new String[] {"prune", "--older-than", "30d", "--data-dir", "-x"})
                .value("--data-dir"));
    }

    @Test
    void commandsWithoutHistory() {
        assertFalse(StartupArgs.parse(new String[] {"explain", "554 5.7.1 no"}).needsDatabase());
        assertFalse(StartupArgs.parse(new String[] {"rules", "check"}).needsDatabase());
        assertFalse(StartupArgs.parse(new String[] {}).needsDatabase());
        assertFalse(StartupArgs.parse(new String[] {"--version"}).needsDatabase());
        assertFalse(StartupArgs.parse(new String[] {"scan", "--help"}).needsDatabase());
        assertFalse(StartupArgs.parse(new String[] {"report", "-h"}).needsDatabase());
        // a file named --help is a file
        assertTrue(StartupArgs.parse(new String[] {"scan", "--", "--help"}).needsDatabase());
    }

    @Test
    void aRefusedCommandLineSetsNothingAndNeedsNoDatabase() {
        // picocli reports these itself, from a start-up that touches no database
        for (String[] args : new String[][] {{"scan", "--bogus"}, {"scan", "--wai"}, {"serve", "--port", "abc"},
            {"nosuchcommand"}, {"scan", "--db-url"}}) {
            StartupArgs a = StartupArgs.parse(args);
            assertFalse(a.needsDatabase(), String.join(" ", args));
            assertEquals("", a.name());
            assertNull(a.value("--db-url"));
        }
    }
}

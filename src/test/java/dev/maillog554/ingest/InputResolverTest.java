package dev.maillog554.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An input that cannot be opened says why: missing, a symlink loop, or which folder may not be entered. */
class InputResolverTest {

    @TempDir
    Path tmp;

    private String problem(Path p) {
        InputResolver.Resolved r = InputResolver.resolve(List.of(p.toString()));
        assertEquals(List.of(), r.inputs());
        assertEquals(1, r.problems().size(), r.problems()::toString);
        return r.problems().get(0).render().substring("maillog554: ".length());
    }

    @Test
    void missingFile() {
        Path p = tmp.resolve("mail.log");
        assertEquals(p + ": no such file: check the path", problem(p));
    }

    @Test
    void symlinkLoopIsNotAMissingFile() throws IOException {
        Path a = tmp.resolve("mail.log");
        Files.createSymbolicLink(a, tmp.resolve("other.log"));
        Files.createSymbolicLink(tmp.resolve("other.log"), a);
        assertEquals(a + ": cannot open: too many levels of symbolic links: check the path (ls -l shows where the "
                + "links point)", problem(a));
    }

    @Test
    void permissionDeniedNamesTheFolder() throws IOException {
        // root may enter any folder, so this can only be seen as another user (CI runs as root: skipped there).
        assumeFalse("root".equals(System.getProperty("user.name")), "root ignores folder permissions");
        Path locked = Files.createDirectories(tmp.resolve("locked"));
        Path log = Files.writeString(locked.resolve("mail.log"), "x\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        try {
            assertEquals(log + ": permission denied on the folder " + locked + ": run as a user that may open it "
                    + "(e.g. in group adm)", problem(log));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}

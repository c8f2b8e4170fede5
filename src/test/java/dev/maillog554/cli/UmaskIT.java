package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file a scan makes follows the umask of the process that runs it: the reports (so a web server can read
 * them under the usual 022), rejections.csv, and the H2 database and its folder (so umask 077 keeps the history
 * private, as the README says). A real process: a JVM cannot change its own umask.
 */
class UmaskIT {

    @TempDir
    Path tmp;

    @Test
    void filesFollowTheUmask() throws Exception {
        Path log = Files.writeString(tmp.resolve("mail.log"), ScanCommandTest.INBOUND + "\n");
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask 027 && exec \"$0\" \"$@\""));
        List<String> app = StdinIT.command();
        if (app.size() > 1) {
            app.set(app.size() - 1, Path.of(app.get(app.size() - 1)).toAbsolutePath().toString());
        }
        cmd.addAll(app);
        cmd.addAll(List.of("scan", "--data-dir", tmp.resolve("db").toString(), "--out", tmp.resolve("out").toString(),
                log.toString()));
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("output").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished within two minutes");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("output")));
        for (String report : List.of("rejections.csv", "summary.csv", "report.html")) {
            assertEquals("rw-r-----", mode(tmp.resolve("out").resolve(report)), report);
        }
        assertEquals("rw-r-----", mode(tmp.resolve("db").resolve("maillog554.mv.db")));
        assertEquals("rwxr-x---", mode(tmp.resolve("db")));
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}

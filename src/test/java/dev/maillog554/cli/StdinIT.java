package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading standard input needs a real process: the in-JVM test launcher owns System.in. Runs against the
 * packaged jar, or the native binary when one was built ({@code -Dnative}).
 */
class StdinIT {

    @TempDir
    Path tmp;

    static List<String> command() {
        String nativeImage = System.getProperty("native.image.path");
        if (nativeImage != null && Files.isExecutable(Path.of(nativeImage))) {
            return new ArrayList<>(List.of(nativeImage));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ArrayList<>(List.of(java, "-jar", "target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void scansStandardInput() throws IOException, InterruptedException {
        List<String> cmd = command();
        cmd.addAll(List.of("scan", "--data-dir", tmp.resolve("db").toString(), "--out", tmp.resolve("out").toString(),
                "-"));
        Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("err").toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((ScanCommandTest.INBOUND + "\n" + ScanCommandTest.NOT_554 + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "scan of stdin finished");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("err")));
        assertTrue(out.startsWith("1 rejection "), out);
        List<String> rows = Files.readAllLines(tmp.resolve("out").resolve("rejections.csv"));
        assertEquals(2, rows.size());
        assertTrue(rows.get(1).endsWith(",-,1"), "source is - and line 1: " + rows.get(1));
    }
}

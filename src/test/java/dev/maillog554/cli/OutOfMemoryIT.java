package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A heap too small for the run ends it with exit code 1 and one line saying how to give the JVM more heap,
 * not a stack trace or a "cannot start" about the database. JVM only: the heap is set with JAVA_TOOL_OPTIONS.
 */
class OutOfMemoryIT {

    @TempDir
    Path tmp;

    @Test
    void tooSmallAHeapSaysHowToRaiseIt() throws Exception {
        assumeTrue(StdinIT.command().size() > 1, "the packaged jar, not the native binary");
        CliProcess p = CliProcess.start(tmp, "oom", Map.of("JAVA_TOOL_OPTIONS", "-Xmx16m -XX:+UseSerialGC"),
                "scan", "--data-dir", tmp.resolve("db").toString(), "--out", tmp.resolve("out").toString(),
                Path.of("sample-logs").toAbsolutePath().toString());
        assertEquals(ExitCodes.FAILURE, p.await(), p.toString());
        // the JVM announces JAVA_TOOL_OPTIONS on stderr itself; everything else is ours
        List<String> ours = p.stderr().lines().filter(l -> !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).toList();
        assertEquals(1, ours.size(), p.stderr());
        assertTrue(ours.get(0).startsWith("maillog554: out of memory: give the JVM a larger heap"), p.stderr());
        assertEquals("", p.stdout());
    }
}

package dev.maillog554.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script (src/main/dist/maillog554, copied beside quarkus-run.jar by the build), run with a fake
 * {@code java} under JAVA_HOME that prints the arguments it was given, one per line.
 */
class LauncherTest {

    @TempDir
    Path tmp;
    Path app;
    Path javaHome;

    @BeforeEach
    void install() throws IOException {
        app = Files.createDirectories(tmp.resolve("opt/maillog554"));
        Files.copy(Path.of("src/main/dist/maillog554"), app.resolve("maillog554"));
        Files.setPosixFilePermissions(app.resolve("maillog554"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(app.resolve("quarkus-run.jar"), "not a jar");
        javaHome = Files.createDirectories(tmp.resolve("jdk/bin")).getParent();
        Path fake = javaHome.resolve("bin/java");
        Files.writeString(fake, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** JVM warnings are diagnostics: they must not land in stdout, where the results go. */
    static final List<String> JVM_LOG_TO_STDERR = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");

    @Test
    void runsTheJarBesideItWithTheBatchOptionsAndTheArgumentsUntouched() throws Exception {
        List<String> args = run(app.resolve("maillog554"), Map.of(), "scan", "/var/log/mail log", "--since", "7d");
        int jar = args.indexOf("-jar");
        assertTrue(args.subList(0, jar).containsAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC",
                "-Xmx256m")), args.toString());
        assertEquals(app.toRealPath().resolve("quarkus-run.jar").toString(), args.get(jar + 1));
        assertEquals(List.of("scan", "/var/log/mail log", "--since", "7d"), args.subList(jar + 2, args.size()));
        assertTrue(args.stream().noneMatch(a -> a.contains("SharedArchiveFile")), "no archive, no CDS option");
        assertEquals(JVM_LOG_TO_STDERR, args.subList(0, 2));
    }

    @Test
    void serveKeepsTheC2CompilerAndTheBoundedHeap() throws Exception {
        List<String> args = run(app.resolve("maillog554"), Map.of(), "serve", "--port", "8554");
        List<String> jvm = args.subList(0, args.indexOf("-jar"));
        assertTrue(jvm.containsAll(List.of("-XX:+UseParallelGC", "-Xmx256m")), jvm.toString());
        assertTrue(jvm.stream().noneMatch(a -> a.startsWith("-XX:TieredStopAtLevel")), jvm.toString());
        // a server out of heap exits for its supervisor rather than thrash; a batch command reports the error
        assertTrue(jvm.containsAll(List.of("-XX:+ExitOnOutOfMemoryError", "-XX:+DisplayVMOutputToStderr")),
                jvm.toString());
        assertEquals(List.of("serve", "--port", "8554"), args.subList(args.indexOf("-jar") + 2, args.size()));
        List<String> report = run(app.resolve("maillog554"), Map.of(), "report", "serve");
        assertTrue(report.contains("-XX:TieredStopAtLevel=1"), "only the command word decides: " + report);
        assertFalse(report.contains("-XX:+ExitOnOutOfMemoryError"), report.toString());
    }

    @Test
    void followsASymlinkToFindTheJar() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("usr/local/bin"));
        Files.createSymbolicLink(bin.resolve("maillog554"), app.resolve("maillog554"));
        List<String> args = run(bin.resolve("maillog554"), Map.of(), "--version");
        assertEquals(app.toRealPath().resolve("quarkus-run.jar").toString(), args.get(args.indexOf("-jar") + 1));
    }

    @Test
    void usesTheAppCdsArchiveWhenTheBuildMadeOne() throws Exception {
        Files.writeString(app.resolve("app-cds.jsa"), "");
        List<String> args = run(app.resolve("maillog554"), Map.of(), "--version");
        assertTrue(args.contains("-XX:SharedArchiveFile=" + app.toRealPath().resolve("app-cds.jsa")), args.toString());
    }

    @Test
    void userOptionsReplaceTheDefaults() throws Exception {
        List<String> args = run(app.resolve("maillog554"), Map.of("MAILLOG554_JAVA_OPTS", "-Xmx1g -Dx=y"), "runs");
        assertEquals(List.of(JVM_LOG_TO_STDERR, List.of("-Xmx1g", "-Dx=y", "-jar")),
                List.of(args.subList(0, 2), args.subList(2, 5)));
        assertEquals(List.of("-jar"), run(app.resolve("maillog554"), Map.of("MAILLOG554_JAVA_OPTS", ""))
                .subList(2, 3), "set but empty: none of the default options");
    }

    private List<String> run(Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("MAILLOG554_JAVA_OPTS");
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.lines().toList();
    }
}

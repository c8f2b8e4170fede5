package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * {@code rules check} and {@code --classify-dir} end to end: the check's exit codes and output, a scan that a
 * broken folder stops before any log is read, and a folder's own cause and tip in the scan's reports.
 */
@QuarkusMainTest
class RulesCommandTest {

    static final String LOCAL = "src/test/resources/fixtures/classify/local";
    // lines 3 and 15: Client host [203.0.113.10] (and .12) blocked using dnsbl.example.org: the local rule's lines
    static final String INBOUND = "src/test/resources/fixtures/postfix/inbound.log";

    @TempDir
    Path tmp;

    @Test
    void theShippedFilesAreClean(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("rules", "check");
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        List<String> out = r.getOutputStream();
        assertEquals(1, out.size(), r.getOutput());
        assertTrue(out.get(0).matches("OK: \\d+ rules, 26 providers, 19 blocklists, 37 categories, \\d+ tips "
                + "\\(shipped files only\\)"), out.get(0));
        assertEquals("", HistoryFixture.errors(r));
    }

    @Test
    void aCleanFolderIsSummedUp(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("rules", "check", "--classify-dir", LOCAL);
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getOutput().contains("20 blocklists, 38 categories"), r.getOutput());
        assertTrue(r.getOutput().endsWith("(" + LOCAL + ": rules.csv, blocklists.csv, categories.csv, "
                + "tips.properties, then the shipped files)"), r.getOutput());
    }

    @Test
    void problemsAreListedWithFileAndLineAndExitCode2(QuarkusMainLauncher launcher) throws IOException {
        Path broken = broken();
        LaunchResult r = launcher.launch("rules", "check", "--classify-dir", broken.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.getOutput());
        assertEquals("", r.getOutput());
        assertEquals(List.of(broken.resolve("rules.csv") + ":3: category 'own-dnsbl-typo' is not in categories.csv",
                broken.resolve("tips.properties") + ":1: key 'provider.gogle.1': provider 'gogle' is not in "
                        + "providers.csv"), HistoryFixture.errors(r).lines().toList());
    }

    @Test
    void aScanWithABrokenFolderStopsBeforeReadingLogs(QuarkusMainLauncher launcher) throws IOException {
        Path broken = broken();
        LaunchResult check = launcher.launch("rules", "check", "--classify-dir", broken.toString());
        Path out = tmp.resolve("out");
        LaunchResult scan = launcher.launch("scan", "--data-dir", tmp.resolve("db").toString(), "--out",
                out.toString(), "--classify-dir", broken.toString(), tmp.resolve("no-such.log").toString());
        assertEquals(ExitCodes.BAD_INPUT, scan.exitCode(), scan.getErrorOutput());
        assertEquals(HistoryFixture.errors(check), HistoryFixture.errors(scan),
                "the same messages, and none about the log");
        assertEquals("", scan.getOutput());
        assertFalse(Files.exists(out), "no report was written");
    }

    @Test
    void aLocalCauseAndTipReachTheScanReports(QuarkusMainLauncher launcher) throws IOException {
        Path out = tmp.resolve("out");
        LaunchResult r = launcher.launch("scan", "--data-dir", tmp.resolve("db").toString(), "--out",
                out.toString(), "--classify-dir", LOCAL, INBOUND);
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        String row = Files.readAllLines(out.resolve("by-category.csv")).stream()
                .filter(l -> l.startsWith("own-dnsbl,")).findFirst().orElse("");
        assertTrue(row.startsWith("own-dnsbl,2,1,2,(unknown) example.org,"), row);
        assertTrue(row.contains("Our own DNSBL refused 203.0.113.10: if it is a partner, add it to "
                + "/etc/postfix/dnsbl_allow & reload <postfix>."), row);
        assertTrue(row.contains("Delist 203.0.113.10 at https://dnsbl.example.org/ once the partner confirms."), row);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("own-dnsbl"), "the cause in report.html");
        assertTrue(html.contains("add it to /etc/postfix/dnsbl_allow &amp; reload &lt;postfix&gt;."),
                "the tip in report.html, escaped");
        assertTrue(Files.readString(out.resolve("rejections.csv")).contains(",own-dnsbl,,own-dnsbl,"),
                "category and blocklist of the stored rejection");

        // the stored run reports with the same folder's tips
        LaunchResult report = launcher.launch("report", "--data-dir", tmp.resolve("db").toString(), "--out",
                tmp.resolve("report").toString(), "--classify-dir", LOCAL);
        assertEquals(ExitCodes.OK, report.exitCode(), report.getErrorOutput());
        assertTrue(Files.readString(tmp.resolve("report").resolve("by-category.csv"))
                .contains("Our own DNSBL refused 203.0.113.10"));
    }

    @Test
    void explainUsesTheFolder(QuarkusMainLauncher launcher) throws IOException {
        String line = Files.readAllLines(Path.of(INBOUND)).get(2);
        LaunchResult r = launcher.launch("explain", "--classify-dir", LOCAL, line);
        assertEquals(ExitCodes.OK, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getOutput().contains("cause:         own-dnsbl: Our own DNSBL (dnsbl.example.org) refused the "
                + "client [rule own-dnsbl]"), r.getOutput());
        assertTrue(r.getOutput().contains("blocklist:     Example Org DNSBL (listed: 203.0.113.10)"), r.getOutput());
        LaunchResult shipped = launcher.launch("explain", line);
        assertTrue(shipped.getOutput().contains("cause:         blocklisted"), shipped.getOutput());
    }

    @Test
    void rulesAloneAsksForTheSubcommand(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("rules");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.getErrorOutput().contains("missing subcommand: use 'rules check'"), r.getErrorOutput());
    }

    // a copy of the local fixture with a typo in a rule's category and in a tip's provider
    private Path broken() throws IOException {
        Path dir = tmp.resolve("broken");
        Files.createDirectories(dir);
        for (String name : List.of("rules.csv", "categories.csv", "blocklists.csv", "tips.properties")) {
            Files.copy(Path.of(LOCAL, name), dir.resolve(name));
        }
        Files.writeString(dir.resolve("rules.csv"), Files.readString(dir.resolve("rules.csv"))
                .replace("own-dnsbl,own-dnsbl,", "own-dnsbl,own-dnsbl-typo,"));
        Files.writeString(dir.resolve("tips.properties"), "provider.gogle.1=A tip for nobody.\n"
                + Files.readString(dir.resolve("tips.properties")));
        return dir;
    }
}

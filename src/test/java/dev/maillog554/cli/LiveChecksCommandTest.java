package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

import dev.maillog554.check.TestDnsServer;
import dev.maillog554.report.ReportFiles;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * {@code scan --check}, {@code report --check} and {@code explain --check} end to end, asking a DNS server on
 * loopback: checks.csv and the report's "Checked now" blocks, nothing else changed, and a resolver that does not
 * answer never fails the run.
 */
@QuarkusMainTest
class LiveChecksCommandTest {

    // The report fixture: sample-logs/mail.log with RFC 3339 stamps (fixtures/reports/README.md).
    static final Path LOG = Path.of("src", "test", "resources", "fixtures", "reports", "mail.log");
    static final List<String> CSV_FILES = List.of(ReportFiles.SUMMARY, ReportFiles.BY_CODE, ReportFiles.BY_DOMAIN,
            ReportFiles.BY_CATEGORY, ReportFiles.BY_DAY, ReportFiles.BY_CLIENT, ReportFiles.BY_SENDER_DOMAIN,
            ReportFiles.REJECTIONS);

    @TempDir
    Path tmp;

    TestDnsServer dns;

    @BeforeEach
    void startDns() throws IOException {
        dns = dnsServer();
    }

    /** A DNS server on loopback that knows a few answers about the report fixture's hosts. */
    static TestDnsServer dnsServer() throws IOException {
        return TestDnsServer.start()
                .add("77.113.0.203.zen.spamhaus.org", Type.A, "127.0.0.4")
                .add("88.113.0.203.b.barracudacentral.org", Type.A, "127.255.255.254")
                .add("10.2.0.192.in-addr.arpa", Type.PTR, "mx1.example.com.")
                .add("mx1.example.com", Type.A, "192.0.2.10");
    }

    @AfterEach
    void stopDns() throws IOException {
        dns.close();
    }

    LaunchResult scan(QuarkusMainLauncher launcher, String name, String... args) {
        String[] all = new String[args.length + 6];
        all[0] = "scan";
        all[1] = "--data-dir";
        all[2] = tmp.resolve(name + "-db").toString();
        all[3] = "--out";
        all[4] = tmp.resolve(name).toString();
        System.arraycopy(args, 0, all, 5, args.length);
        all[all.length - 1] = LOG.toString();
        return launcher.launch(all);
    }

    @Test
    void scanWithCheckAddsTheAnswersAndChangesNothingElse(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult plain = scan(launcher, "plain");
        assertEquals(0, plain.exitCode(), HistoryFixture.errors(plain));
        assertFalse(Files.exists(tmp.resolve("plain").resolve(ReportFiles.CHECKS)), "no --check, no checks.csv");

        LaunchResult checked = scan(launcher, "checked", "--check", "--resolver", dns.hostPort());
        assertEquals(0, checked.exitCode(), HistoryFixture.errors(checked));
        assertEquals("", HistoryFixture.errors(checked));
        assertEquals(plain.getOutput().replace(tmp.resolve("plain").toString(), "OUT"),
                checked.getOutput().replace(tmp.resolve("checked").toString(), "OUT"));
        Path out = tmp.resolve("checked");
        for (String name : CSV_FILES) {
            assertEquals(read(tmp.resolve("plain").resolve(name)), read(out.resolve(name)), name);
        }
        String csv = read(out.resolve(ReportFiles.CHECKS));
        assertTrue(csv.startsWith("check,subject,answer,detail,section,causes,checked_at\n"), csv);
        assertTrue(csv.contains("\nblocklist,zen.spamhaus.org 203.0.113.77,listed,\"127.0.0.4: XBL: an infected or "
                + "exploited host (bot, open proxy); delisting: https://check.spamhaus.org/results/?query=203.0.113.77"
                + "\",blocklists,blocklisted,"), csv);
        assertTrue(csv.contains("\nblocklist,b.barracudacentral.org 203.0.113.88,query refused,"), csv);
        assertTrue(csv.contains("\nptr,192.0.2.10,fcrdns ok,\"PTR mx1.example.com, which resolves back to "
                + "192.0.2.10\",authentication,blocklisted ip-blocked,"), csv);
        assertTrue(csv.contains("\nmx,branch.example,nxdomain,"), csv);
        String html = read(out.resolve(ReportFiles.HTML));
        assertTrue(html.contains("<div class=\"checks\"><p><strong>Checked now</strong> ("), html);
        assertTrue(html.contains("<li><code>blocklist</code> zen.spamhaus.org 203.0.113.77: <strong>listed</strong>"),
                html);
        assertEquals(withoutGenerated(read(tmp.resolve("plain").resolve(ReportFiles.HTML))),
                withoutGenerated(html.replaceAll("(?s)<div class=\"checks\">.*?</div>\n", "")));

        // report --check asks again, from the stored history.
        Path again = tmp.resolve("report");
        LaunchResult report = launcher.launch("report", "--data-dir", tmp.resolve("checked-db").toString(), "--out",
                again.toString(), "--check", "--resolver", dns.hostPort(), "--quiet");
        assertEquals(0, report.exitCode(), HistoryFixture.errors(report));
        assertEquals(withoutTimes(csv), withoutTimes(read(again.resolve(ReportFiles.CHECKS))));
        assertTrue(read(again.resolve(ReportFiles.HTML)).contains("<strong>Checked now</strong>"));
        assertEquals(2, dns.queries("77.113.0.203.zen.spamhaus.org", Type.A), "once per run");
    }

    @Test
    void aResolverThatNeverAnswersCostsOneLineAndNotTheScan(QuarkusMainLauncher launcher) throws IOException {
        dns.silent();
        LaunchResult r = scan(launcher, "silent", "--check", "--resolver", dns.hostPort(), "--check-timeout", "0.3",
                "--quiet");
        assertEquals(0, r.exitCode(), HistoryFixture.errors(r));
        assertEquals("maillog554: --check: resolver " + dns.hostPort() + " did not answer (timeout after 0.3 s); the "
                + "checks it could not answer say 'not answered'", HistoryFixture.errors(r).strip());
        String csv = read(tmp.resolve("silent").resolve(ReportFiles.CHECKS));
        assertTrue(csv.contains("zen.spamhaus.org 203.0.113.77,not answered,timeout after 0.3 s,"), csv);
        assertFalse(csv.contains(",listed,"), csv);
    }

    @Test
    void checkOptionsAreUsageErrorsWhenWrong(QuarkusMainLauncher launcher) {
        LaunchResult noCheck = scan(launcher, "a", "--resolver", dns.hostPort());
        assertEquals(ExitCodes.BAD_INPUT, noCheck.exitCode());
        assertEquals("maillog554: --resolver is for live checks: add --check",
                HistoryFixture.errors(noCheck).strip());
        LaunchResult badResolver = scan(launcher, "b", "--check", "--resolver", "127.0.0.1:99999");
        assertEquals(ExitCodes.BAD_INPUT, badResolver.exitCode());
        assertTrue(HistoryFixture.errors(badResolver).contains("invalid --resolver '127.0.0.1:99999'"),
                HistoryFixture.errors(badResolver));
        LaunchResult badIp = scan(launcher, "c", "--check", "--ip", "mail.example.com");
        assertEquals(ExitCodes.BAD_INPUT, badIp.exitCode());
        assertTrue(HistoryFixture.errors(badIp).contains("invalid --ip 'mail.example.com'"),
                HistoryFixture.errors(badIp));
        assertFalse(Files.exists(tmp.resolve("c")), "nothing scanned or written");
    }

    @Test
    void explainCheckPrintsTheAnswersUnderTheExplanation(QuarkusMainLauncher launcher) {
        String reply = "554 5.7.1 Service unavailable; Client host [203.0.113.77] blocked using zen.spamhaus.org";
        LaunchResult plain = launcher.launch("explain", reply);
        LaunchResult r = launcher.launch("explain", "--check", "--resolver", dns.hostPort(), reply);
        assertEquals(0, r.exitCode(), HistoryFixture.errors(r));
        String out = r.getOutput();
        assertTrue(out.startsWith(plain.getOutput()), out);
        assertTrue(out.contains("\nchecked now ("), out);
        assertTrue(out.contains("  - blocklist zen.spamhaus.org 203.0.113.77: listed: 127.0.0.4: XBL: an infected or "
                + "exploited host (bot, open proxy); delisting: "
                + "https://check.spamhaus.org/results/?query=203.0.113.77"),
                out);
        assertTrue(out.contains("  - ptr 203.0.113.77: no ptr: "), "a pasted reply is read as our mail refused: "
                + out);

        LaunchResult json = launcher.launch("explain", "--json", "--check", "--resolver", dns.hostPort(), reply);
        assertEquals(0, json.exitCode(), HistoryFixture.errors(json));
        String j = json.getOutput().strip();
        String before = launcher.launch("explain", "--json", reply).getOutput().strip();
        assertTrue(j.startsWith(before.substring(0, before.length() - 1) + ",\"checks\":{\"checked_at\":\""), j);
        assertTrue(j.contains(",\"resolver\":\"" + dns.hostPort() + "\",\"results\":[{\"check\":\"blocklist\","
                + "\"subject\":\"zen.spamhaus.org 203.0.113.77\",\"answer\":\"listed\",\"detail\":\"127.0.0.4: XBL"),
                j);
        assertTrue(j.endsWith("]}}"), j);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    // The page says when it was generated, to the minute; two runs may straddle one.
    private static String withoutGenerated(String html) {
        return html.replaceAll("<p>Generated [^<&]*", "<p>Generated");
    }

    private static String withoutTimes(String csv) {
        return csv.replaceAll(",\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\n", ",\n");
    }
}

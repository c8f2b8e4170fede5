package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.airlift.compress.zstd.ZstdOutputStream;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The scan command end to end: exit codes, stdout and stderr, gzip and damaged input (stdin: {@link StdinIT}). */
@QuarkusMainTest
class ScanCommandTest {

    // Real line: fail2ban/fail2ban fail2ban/tests/files/logs/postfix (GPL-2.0), see fixtures/README.md.
    static final String INBOUND = "Jul 12 07:47:48 saturn postfix/smtpd[8738]: NOQUEUE: reject: RCPT from "
            + "1-2-3-4-example.com[1.2.3.4]: 554 5.7.1 <smtp@example.com>: Relay access denied; "
            + "from=<john@example.com> to=<smtp@example.org> proto=SMTP helo=<198.51.100.17>";
    static final String NOT_554 = "Nov 26 16:10:05 mx1 postfix/smtpd[2521]: NOQUEUE: reject: RCPT from "
            + "mail.sender.example[198.51.100.77]: 550 5.1.1 <nobody@example.com>: Recipient address rejected: "
            + "User unknown in local recipient table; from=<news@sender.example> to=<nobody@example.com> "
            + "proto=ESMTP helo=<mail.sender.example>";

    @TempDir
    Path tmp;

    LaunchResult scan(QuarkusMainLauncher launcher, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "scan";
        all[1] = "--data-dir";
        all[2] = tmp.resolve("db").toString();
        all[3] = "--out";
        all[4] = tmp.resolve("out").toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return launcher.launch(all);
    }

    @Test
    void writesAMetricsFileForTheTextfileCollector(QuarkusMainLauncher launcher) throws IOException {
        Path log = write("mail.log", INBOUND, INBOUND.replace("07:47:48", "07:47:49")
                .replace("to=<smtp@example.org>", "to=<b@example.org>"), NOT_554);
        Path prom = tmp.resolve("textfile").resolve("maillog554.prom");
        Files.createDirectories(prom.getParent());
        LaunchResult r = scan(launcher, "--metrics-file", prom.toString(), log.toString());
        assertEquals(0, r.exitCode(), r.getErrorOutput());
        String m = Files.readString(prom);
        assertTrue(m.contains("\nmaillog554_rejections{direction=\"inbound\",category=\"relay-denied\","
                + "reply_code=\"554\",enhanced_code=\"5.7.1\"} 2\n"), m);
        assertTrue(m.contains("\nmaillog554_recipients 2\n"), m);
        assertTrue(m.contains("\nmaillog554_lines_read 3\n"), m);
        assertTrue(m.contains("\nmaillog554_last_run_exit_code 0\n"), m);
        String success = lastSuccess(m);
        assertFalse(success.isEmpty(), m);

        // A run that fails to read its input still says so, and keeps the time of the last success.
        LaunchResult bad = scan(launcher, "--metrics-file", prom.toString(), tmp.resolve("missing.log").toString());
        assertEquals(ExitCodes.BAD_INPUT, bad.exitCode(), bad.getErrorOutput());
        String m2 = Files.readString(prom);
        assertTrue(m2.contains("\nmaillog554_last_run_exit_code 2\n"), m2);
        assertEquals(success, lastSuccess(m2));
        try (var files = Files.list(prom.getParent())) {
            assertEquals(List.of(prom), files.toList(), "only the metrics file, no temporary file");
        }
    }

    private static String lastSuccess(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("maillog554_last_success_timestamp_seconds "))
                .findFirst().orElse("");
    }

    Path write(String name, String... lines) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    List<String> rows(String file) throws IOException {
        return Files.readAllLines(tmp.resolve("out").resolve(file));
    }

    @Test
    void sampleLogsGiveTheDocumentedTotals(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult r = scan(launcher, "sample-logs");
        assertEquals(0, r.exitCode(), r.getErrorOutput());
        // sample-logs/README.md: 14 + 5 + 7 refusals carry a 554; the reject log only repeats main-log lines. The
        // two host-level greeting refusals name no recipient and are not counted; only the Exim retry repeats a
        // recipient.
        assertTrue(r.getOutput().startsWith("26 rejections (codes 554): 17 outbound, 9 inbound; 25 recipients in "),
                r.getOutput());
        assertEquals(26, sumCounts(rows("summary.csv")));
        assertEquals(27, rows("rejections.csv").size());
        assertEquals(List.of(), diagnostics(r));
    }

    /**
     * For every real corpus file, the total of summary.csv equals the count checked line by line: every line
     * carrying a 554 reply code that is a rejection (see parse/CorpusCountsTest for how each was checked).
     */
    @Test
    void corpusTotalsMatchTheHandCount(QuarkusMainLauncher launcher) throws IOException {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("fail2ban-postfix.log", 5L);
        expected.put("fail2ban-exim.log", 0L);
        expected.put("fail2ban-exim-spam.log", 0L);
        expected.put("exim-testsuite.log", 0L);
        expected.put("whyscream-postfix-messages.log", 2L);
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            Path dir = tmp.resolve(e.getKey());
            LaunchResult r = launcher.launch("scan", "--data-dir", dir.resolve("db").toString(), "--out",
                    dir.resolve("out").toString(), "src/test/resources/fixtures/corpus/" + e.getKey());
            assertEquals(0, r.exitCode(), e.getKey() + ": " + r.getErrorOutput());
            assertEquals(e.getValue(), sumCounts(Files.readAllLines(dir.resolve("out").resolve("summary.csv"))),
                    e.getKey());
        }
    }

    @Test
    void reportsEveryFileItWrites(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult r = scan(launcher, write("mail.log", INBOUND).toString());
        assertEquals(0, r.exitCode(), r.getErrorOutput());
        for (String f : List.of("rejections.csv", "summary.csv", "by-code.csv", "by-domain.csv", "by-category.csv",
                "by-day.csv", "report.html")) {
            assertTrue(Files.isRegularFile(tmp.resolve("out").resolve(f)), f);
        }
        assertEquals("time,direction,status,mta,host,queue_id,sender,recipient,recipient_domain,reply_code,"
                + "enhanced_code,category,provider,blocklist,stage,remote_host,remote_ip,message,source_file,line",
                rows("rejections.csv").get(0));
        String row = rows("rejections.csv").get(1);
        assertTrue(row.contains(",inbound,rejected,postfix,saturn,,john@example.com,smtp@example.org,example.org,"
                + "554,5.7.1,"), row);
    }

    @Test
    void nothingFoundPrintsNothingAndExitsZero(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult r = scan(launcher, write("mail.log", NOT_554).toString());
        assertEquals(0, r.exitCode(), r.getErrorOutput());
        assertEquals("", r.getOutput());
        assertEquals(List.of(), diagnostics(r));
    }

    @Test
    void otherCodesOnRequest(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult r = scan(launcher, "--codes", "5xx", write("mail.log", INBOUND, NOT_554).toString());
        assertEquals(0, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getOutput().startsWith("2 rejections (codes 5xx)"), r.getOutput());
    }

    @Test
    void yearOptionDatesOldLogsWhoseFileDateWasLost(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult r = scan(launcher, "--quiet", "--year", "2019", write("mail.log", INBOUND).toString());
        assertEquals(0, r.exitCode(), r.getErrorOutput());
        assertTrue(rows("rejections.csv").get(1).startsWith("2019-07-12T07:47:48"), rows("rejections.csv").get(1));
    }

    @Test
    void quietSilencesStdout(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult r = scan(launcher, "--quiet", write("mail.log", INBOUND).toString());
        assertEquals(0, r.exitCode());
        assertEquals("", r.getOutput());
        assertEquals(2, rows("rejections.csv").size());
    }

    @Test
    void readsGzipByContent(QuarkusMainLauncher launcher) throws IOException {
        Path gz = tmp.resolve("mail.log.2.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((INBOUND + "\n").getBytes(StandardCharsets.UTF_8));
        }
        LaunchResult r = scan(launcher, gz.toString());
        assertEquals(0, r.exitCode(), r.getErrorOutput());
        assertTrue(r.getOutput().startsWith("1 rejection "), r.getOutput());
    }

    // journalctl -u postfix -o json: one object per line (fields trimmed to those a scan uses, plus the cursor).
    static String journalRecord(int i, long micros) {
        String message = INBOUND.substring(INBOUND.indexOf("NOQUEUE")).replace("1.2.3.4]", "1.2.3." + i + "]");
        return "{\"__CURSOR\":\"s=6c2d5b0f8e4a4f0c;i=" + Integer.toHexString(i) + "\",\"__REALTIME_TIMESTAMP\":\""
                + micros + "\",\"_HOSTNAME\":\"saturn\",\"SYSLOG_IDENTIFIER\":\"postfix/smtpd\",\"_PID\":\"87" + i
                + "\",\"_TRANSPORT\":\"syslog\",\"MESSAGE\":\"" + message + "\"}";
    }

    @Test
    void readsCompressedRotationsAndJournalRecordsIncrementally(QuarkusMainLauncher launcher) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("logs"));
        try (OutputStream out = new XZCompressorOutputStream(Files.newOutputStream(dir.resolve("mail.log.2.xz")))) {
            out.write((INBOUND + "\n" + INBOUND.replace("[8738]", "[8739]") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(dir.resolve("mail.log.1.bz2")))) {
            out.write((INBOUND.replace("[8738]", "[8740]") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        // aircompressor's Java encoder here; InputGoldenTest reads a file made by the zstd CLI.
        try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(dir.resolve("mail.log.3.zst")))) {
            out.write((INBOUND.replace("[8738]", "[8741]") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path journal = dir.resolve("postfix-journal.json");
        Files.writeString(journal, journalRecord(1, 1784000000000000L) + "\n" + journalRecord(2, 1784000001000000L)
                + "\n");

        LaunchResult first = scan(launcher, dir.toString());
        assertEquals(0, first.exitCode(), first.getErrorOutput());
        assertEquals(6, sumCounts(rows("summary.csv")), first.getOutput());

        LaunchResult again = scan(launcher, dir.toString());
        assertEquals(0, again.exitCode(), again.getErrorOutput());
        assertEquals(0, sumCounts(rows("summary.csv")), "nothing new on the second scan: " + again.getOutput());

        // journalctl appended one entry: only that one is new.
        Files.writeString(journal, journalRecord(3, 1784000002000000L) + "\n", StandardOpenOption.APPEND);
        LaunchResult third = scan(launcher, dir.toString());
        assertEquals(0, third.exitCode(), third.getErrorOutput());
        assertEquals(1, sumCounts(rows("summary.csv")), third.getOutput());
    }

    @Test
    void missingFileIsReportedAndTheOthersAreStillRead(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult r = scan(launcher, tmp.resolve("missing.log").toString(), write("mail.log", INBOUND).toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.getErrorOutput().contains("missing.log: no such file"), r.getErrorOutput());
        assertTrue(r.getOutput().startsWith("1 rejection "), r.getOutput());
    }

    @Test
    void corruptGzipKeepsTheLinesBefore(QuarkusMainLauncher launcher) throws IOException {
        Path gz = tmp.resolve("mail.log.3.gz");
        byte[] whole;
        try (var buf = new java.io.ByteArrayOutputStream(); OutputStream out = new GZIPOutputStream(buf)) {
            for (int i = 0; i < 2000; i++) {
                out.write((INBOUND.replace("[8738]", "[" + i + "]") + "\n").getBytes(StandardCharsets.UTF_8));
            }
            out.close();
            whole = buf.toByteArray();
        }
        Files.write(gz, Arrays.copyOf(whole, whole.length / 2));
        LaunchResult r = scan(launcher, gz.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.getErrorOutput().contains("mail.log.3.gz:"), r.getErrorOutput());
        assertTrue(r.getErrorOutput().contains("gzip"), r.getErrorOutput());
        assertTrue(rows("rejections.csv").size() > 100, "lines before the damage are kept");
    }

    @Test
    void damagedLinesAreReportedWithTheirLineAndStillRead(QuarkusMainLauncher launcher) throws IOException {
        Path p = tmp.resolve("mail.log");
        byte[] bad = (INBOUND.replace("Relay access denied", "Relay \u00e9 denied") + "\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = new byte[bad.length];
        System.arraycopy(bad, 0, latin1, 0, bad.length);
        // Replace the two UTF-8 bytes of é by a lone Latin-1 byte and a space: invalid UTF-8.
        int at = indexOf(latin1, (byte) 0xC3);
        latin1[at] = (byte) 0xE9;
        latin1[at + 1] = ' ';
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write((NOT_554 + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(latin1);
            out.write(new byte[] {0, 1, 2, 0, '\n'});
            out.write(("x".repeat(10 * 1024 * 1024) + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write((INBOUND + "\n").getBytes(StandardCharsets.UTF_8));
        }
        LaunchResult r = scan(launcher, p.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        String err = r.getErrorOutput();
        assertTrue(err.contains("mail.log:2: invalid UTF-8"), err);
        assertTrue(err.contains("mail.log:3: binary data"), err);
        assertTrue(err.contains("mail.log:4: line longer than"), err);
        assertTrue(r.getOutput().startsWith("2 rejections "), r.getOutput());
    }

    @Test
    void inputThatIsNotAMailLogExitsThree(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult r = scan(launcher, write("notes.txt", "hello", "this is not a mail log").toString());
        assertEquals(ExitCodes.NOT_RECOGNISED, r.exitCode());
        assertTrue(r.getErrorOutput().contains("no Postfix or Exim line recognised"), r.getErrorOutput());
    }

    @Test
    void badCodesOptionIsAUsageError(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult r = scan(launcher, "--codes", "5x4", write("mail.log", INBOUND).toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.getErrorOutput().contains("invalid reply code '5x4'"), r.getErrorOutput());
    }

    /** Our own stderr lines; the integration-test launcher adds framework log lines of its own. */
    static List<String> diagnostics(LaunchResult r) {
        return r.getErrorStream().stream().filter(l -> l.startsWith("maillog554:")).toList();
    }

    static long sumCounts(List<String> summaryRows) {
        int col = Arrays.asList(summaryRows.get(0).split(",")).indexOf("count");
        return summaryRows.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[col])).sum();
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}

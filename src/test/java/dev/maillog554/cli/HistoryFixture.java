package dev.maillog554.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * A small history with known dates and servers for the report, runs and prune tests: the real Postfix reject
 * line of {@link ScanCommandTest#INBOUND} under RFC 3339 stamps (which carry their year, so no date depends on
 * file times), on two servers.
 */
final class HistoryFixture {

    /** Rejections in the log: 2 in January on mx1, 3 in March on mx1, 1 in March on mx2. */
    static final int TOTAL = 6;
    static final int JANUARY = 2;
    static final int MARCH_MX1 = 3;
    static final int MX2 = 1;

    private static final Pattern LOG_LINE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d+ +[A-Z]+ ");

    private final Path dir;

    HistoryFixture(Path dir) {
        this.dir = dir;
    }

    Path dataDir() {
        return dir.resolve("db");
    }

    Path scanOut() {
        return dir.resolve("scan-out");
    }

    /** Writes the log: every rejection line differs, with ordinary lines between them as in a real log. */
    Path log() throws IOException {
        List<String> lines = new ArrayList<>();
        add(lines, "2026-01-10T08:00:0", "mx1", JANUARY);
        add(lines, "2026-03-05T09:30:0", "mx1", MARCH_MX1);
        add(lines, "2026-03-06T11:15:0", "mx2", MX2);
        Path log = dir.resolve("mail.log");
        Files.writeString(log, String.join("\n", lines) + "\n");
        return log;
    }

    private static void add(List<String> lines, String minute, String host, int n) {
        String reject = ScanCommandTest.INBOUND.substring(ScanCommandTest.INBOUND.indexOf(" postfix/"));
        for (int i = 0; i < n; i++) {
            String stamp = minute + i + ".000000+00:00 " + host;
            lines.add(stamp + " postfix/smtpd[" + (8730 + i) + "]: connect from 1-2-3-4-example.com[1.2.3.4]");
            lines.add(stamp + reject.replace("[8738]", "[" + (8730 + i) + "]"));
            lines.add(stamp + " postfix/smtpd[" + (8730 + i) + "]: disconnect from 1-2-3-4-example.com[1.2.3.4] "
                    + "ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4");
        }
    }

    /** Scans the log into this fixture's database. */
    LaunchResult scan(QuarkusMainLauncher launcher, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("scan", "--data-dir", dataDir().toString(), "--out",
                scanOut().toString()));
        args.addAll(Arrays.asList(extra));
        args.add(log().toString());
        return launcher.launch(args.toArray(String[]::new));
    }

    /** Runs a history command ({@code report}, {@code runs}, {@code prune}) on this fixture's database. */
    LaunchResult history(QuarkusMainLauncher launcher, String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--data-dir", dataDir().toString()));
        args.addAll(Arrays.asList(extra));
        return launcher.launch(args.toArray(String[]::new));
    }

    /**
     * Our lines on stderr: the integration-test launcher turns Quarkus' own start-up logging on, so its log lines
     * ("2026-11-28 00:51:08,365 INFO  [io.quarkus] ...") are left out.
     */
    static String errors(LaunchResult r) {
        return r.getErrorOutput().lines().filter(l -> !LOG_LINE.matcher(l).lookingAt())
                .collect(Collectors.joining("\n"));
    }

    /** The total of a report folder's summary.csv. */
    static long total(Path out) throws IOException {
        return ScanCommandTest.sumCounts(Files.readAllLines(out.resolve("summary.csv")));
    }
}

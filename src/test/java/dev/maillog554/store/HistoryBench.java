package dev.maillog554.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;

import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.Diagnosis;
import dev.maillog554.classify.Rejection;
import dev.maillog554.parse.DeliveryStatus;
import dev.maillog554.parse.Direction;
import dev.maillog554.parse.Mta;
import dev.maillog554.parse.RejectionEvent;
import dev.maillog554.scan.DedupeKey;

/**
 * Builds a history of N synthetic rejections over the 365 UTC days that end with a given day, for
 * {@code bench/history.sh}: a fresh database is migrated by Flyway (the application's migrations, as Quarkus runs
 * them), then every row goes through the scan's own insert path ({@link RejectionInserts#insertNew}, which writes
 * the rollups of whatever schema is current in the same transaction) in transactions of {@code ScanService.BATCH}
 * rows, one {@code scan_run} per day. Nothing here names a rollup column, so it builds the same history on any
 * rollup schema.
 *
 * <p>The rejections are deterministic (seeded per day) and built as a scan would find them: a realistic reply text
 * per receiving provider or per local policy, classified by {@link Classifier} (so causes, providers and
 * blocklists are the classifier's own), about 60% outbound and 40% inbound, ~2000 recipient domains (a few big
 * providers, a long tail), recipients mostly distinct with retries of the same recipient within the day and on
 * later days, inbound clients from ~50,000 IPs and senders from ~5000 domains, both skewed, four servers (one of
 * them Exim), no time in the first second of a UTC day (so that a window shifted by one second holds the same
 * rows). Days have different sizes (weekends, a slow trend, a few incident days) that add up to N exactly.
 *
 * <p>Resumable: each day's run is marked {@code ok} when its last batch commits; a day left {@code running} (the
 * builder was stopped) is built again with the keys looked up first, so what was stored is skipped, as a scan's
 * resume does. A database with any run that is not this builder's, with the same rows, end day and seed, is
 * refused. Progress goes to stderr; the last stdout line is the number of rows in the history.
 *
 * <p>Run with the packaged application's classpath: {@code java -cp target/classes:target/test-classes:\
 * target/quarkus-app/lib/main/* dev.maillog554.store.HistoryBench <rows> <data-dir or jdbc-url> [end-day [seed]]};
 * a data dir is opened as {@code --data-dir} does ({@code <dir>/maillog554.mv.db}); PostgreSQL's user and password
 * come from the system properties {@code bench.db.user} and {@code bench.db.password}.
 */
public final class HistoryBench {

    /** Rows per transaction, as ScanService.BATCH. */
    private static final int BATCH = 1000;
    private static final int DAYS = 365;
    private static final String MARK = "history-bench";

    private static final String[] PROVIDERS = {"gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com",
        "aol.com", "live.com", "gmx.de", "web.de", "comcast.net", "orange.fr", "t-online.de", "me.com",
        "googlemail.com", "mail.com", "gmx.net", "yahoo.co.uk", "msn.com", "wanadoo.fr", "libero.it"};
    private static final String[] TAIL_TLDS = {"com", "de", "fr", "org", "net", "co.uk", "nl", "it", "es", "example"};
    private static final String[] TAIL_WORDS = {"acme", "globex", "initech", "umbrella", "stark", "wayne", "tyrell",
        "cyberdyne", "soylent", "hooli", "vandelay", "wonka", "gringotts", "oscorp", "aperture", "monarch"};
    private static final String[] OUR_DOMAINS = {"example.org", "example.net", "shop.example.com",
        "lists.example.org"};
    private static final String[] NAMES = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
        "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter"};
    private static final String[] OUR_SENDERS = {"newsletter", "noreply", "billing", "orders", "alerts", "support"};
    private static final String[] SPAM_TLDS = {"com", "net", "info", "biz", "top", "xyz", "ru", "cn", "shop"};
    private static final String[] SPAM_WORDS = {"promo", "deals", "pharma", "crypto", "winner", "loans", "dating",
        "seo", "invoice", "parcel", "bonus", "casino"};
    private static final String[] CLIENT_NETS = {"45", "77", "91", "103", "117", "185", "190", "194", "212", "36"};

    /** A reply: enhanced code, SMTP stage and text, with {ip} (our IP or the client's), {rcpt}, {sender}, {host}. */
    private record Reply(String enhanced, String stage, String text) {
    }

    // Outbound replies per receiving side: the big providers' own wording, mail filters in front of small domains,
    // and the policies of domains that run their own servers.
    private static final Reply[] GOOGLE = {
        new Reply("5.7.1", "END-OF-DATA", "[{ip}] Messages missing a valid messageId header are not accepted. "
            + "For more information, go to https://support.google.com/mail/?p=RfcMessageNonCompliant - gsmtp"),
        new Reply("5.7.1", "END-OF-DATA", "[{ip}] Our system has detected that this message is likely unsolicited "
            + "mail. To reduce the amount of spam sent to Gmail, this message has been blocked. - gsmtp"),
        new Reply("5.7.26", "END-OF-DATA", "This mail has been blocked because the sender is unauthenticated. Gmail "
            + "requires all senders to authenticate with either SPF or DKIM. - gsmtp")};
    private static final Reply[] MICROSOFT = {
        new Reply("5.7.1", "RCPT", "Service unavailable, Client host [{ip}] blocked using Spamhaus. To request "
            + "removal from this list see https://www.spamhaus.org/query/ip/{ip} (AS3130). "
            + "[DB5EUR03FT043.eop-EUR03.prod.protection.outlook.com 2026-01-01T00:00:00.000Z 08DC1234ABCD]"),
        new Reply("5.7.511", "RCPT", "Access denied, banned sender[{ip}]. To request removal from this list please "
            + "forward this message to delist@messaging.microsoft.com. For more information please go to "
            + "https://go.microsoft.com/fwlink/?LinkID=526653. [AM4PEPF00027A5F.eurprd04.prod.outlook.com]"),
        new Reply("5.4.14", "END-OF-DATA", "Hop count exceeded - possible mail loop ATTR34 "
            + "[AM0PR01MB1234.eurprd01.prod.exchangelabs.com]")};
    private static final Reply[] YAHOO = {
        new Reply("5.7.9", "END-OF-DATA", "Message not accepted for policy reasons.  See "
            + "https://senders.yahooinc.com/error-codes")};
    private static final Reply[] APPLE = {
        new Reply("5.7.1", "END-OF-DATA", "[CS01] Message rejected due to local policy. Please visit "
            + "https://support.apple.com/en-us/HT204137"),
        new Reply("5.7.1", "END-OF-DATA", "[HM08] Message rejected due to local policy. Please visit "
            + "https://support.apple.com/en-us/HT204137")};
    private static final Reply[] COMCAST = {
        new Reply("", "CONNECT", "resimta-po-12v.sys.comcast.net comcast {ip} Comcast block for spam. Please see "
            + "http://postmaster.comcast.net/smtp-error-codes.php#BL000000")};
    private static final Reply[] GMX = {
        new Reply("", "CONNECT", "gmx.net (mxgmx017) Nemesis ESMTP Service not available No SMTP service Reject due "
            + "to policy restrictions. For explanation visit https://postmaster.gmx.net/en/case?c=hi&i=ip&v={ip}"
            + "&r=1ABCD")};
    private static final Reply[] MIMECAST = {
        new Reply("", "END-OF-DATA", "Email rejected due to security policies - "
            + "https://community.mimecast.com/docs/DOC-1369#554 [aB3xYz9KqW2Lm.uk1]"),
        new Reply("", "RCPT", "Host network not allowed - https://community.mimecast.com/docs/DOC-1369#554 "
            + "[c3Rg9K1mPqW2xYz.uk1]")};
    private static final Reply[] PROOFPOINT = {
        new Reply("5.7.0", "CONNECT", "Blocked - see https://ipcheck.proofpoint.com/?ip={ip}")};
    private static final Reply[] BARRACUDA = {
        new Reply("5.7.1", "RCPT", "Service unavailable; Client host [{ip}] blocked using Barracuda Reputation; "
            + "http://www.barracudanetworks.com/reputation/?pr=1&ip={ip}")};
    private static final Reply[] OWN_MX = {
        new Reply("5.7.1", "RCPT", "Service unavailable; Client host [{ip}] blocked using zen.spamhaus.org; "
            + "https://www.spamhaus.org/query/ip/{ip}"),
        new Reply("5.7.1", "RCPT", "Service unavailable; Client host [{ip}] blocked using bl.spamcop.net; "
            + "Blocked - see https://www.spamcop.net/bl.shtml?{ip}"),
        new Reply("5.7.5", "END-OF-DATA", "Permanent error evaluating DMARC policy"),
        new Reply("5.6.0", "END-OF-DATA", "Message contains invalid header"),
        new Reply("", "END-OF-DATA", "Transaction failed: spam message rejected"),
        new Reply("", "MAIL", "sorry, refused mailfrom because return MX does not exist"),
        new Reply("5.7.1", "RCPT", "<{rcpt}>: Relay access denied")};
    // Inbound: what our servers answer clients; {ip} is the client's.
    private static final Reply[] INBOUND = {
        new Reply("5.7.1", "RCPT", "Service unavailable; Client host [{ip}] blocked using zen.spamhaus.org; "
            + "https://www.spamhaus.org/query/ip/{ip}"),
        new Reply("5.7.1", "RCPT", "Service unavailable; Client host [{ip}] blocked using bl.spamcop.net; "
            + "Blocked - see https://www.spamcop.net/bl.shtml?{ip}"),
        new Reply("5.7.1", "RCPT", "Service unavailable; Client host [{ip}] blocked using b.barracudacentral.org; "
            + "https://www.barracudacentral.org/rbl/removal-request"),
        new Reply("5.7.1", "RCPT", "Service unavailable; Client host [{ip}] blocked using psbl.surriel.com"),
        new Reply("5.7.1", "RCPT", "<{host}[{ip}]>: Client host rejected: Access denied"),
        new Reply("5.7.1", "RCPT", "<{host}>: Helo command rejected: Host not found"),
        new Reply("5.7.1", "RCPT", "<{sender}>: Sender address rejected: Access denied"),
        new Reply("5.7.1", "RCPT", "<{rcpt}>: Recipient address rejected: Message rejected due to: SPF fail - not "
            + "authorized. Please see http://www.openspf.net/Why?s=mfrom;id={sender};ip={ip};r=<UNKNOWN>"),
        new Reply("5.7.1", "END-OF-DATA", "Spam message rejected"),
        new Reply("5.7.1", "RCPT", "<{rcpt}>: Relay access denied")};

    private final int rows;
    private final LocalDate end;
    private final long seed;
    private final long firstDay;
    private final int[] perDay;
    private final Classifier classifier = Classifier.load();
    private final Map<String, Long> causes = new TreeMap<>();
    private final String[] tail = new String[2000 - PROVIDERS.length];

    private HistoryBench(int rows, LocalDate end, long seed) {
        this.rows = rows;
        this.end = end;
        this.seed = seed;
        this.firstDay = end.toEpochDay() - DAYS + 1;
        this.perDay = allocate(rows, firstDay, seed);
        for (int i = 0; i < tail.length; i++) {
            String word = TAIL_WORDS[i % TAIL_WORDS.length];
            tail[i] = switch (i % 4) {
                case 0 -> word + i + "." + TAIL_TLDS[i % TAIL_TLDS.length];
                case 1 -> "mail." + word + "-" + i + "." + TAIL_TLDS[(i / 4) % TAIL_TLDS.length];
                case 2 -> word + "-group" + i + "." + TAIL_TLDS[(i / 7) % TAIL_TLDS.length];
                default -> "corp" + i + "." + word + ".example";
            };
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: HistoryBench <rows> <data-dir | jdbc-url> [end-day, default 2026-11-30] "
                    + "[seed, default 19]");
            System.exit(2);
        }
        int rows = Integer.parseInt(args[0].replace("_", ""));
        String url = args[1].startsWith("jdbc:") ? args[1]
                : "jdbc:h2:file:" + Path.of(args[1]).toAbsolutePath().resolve("maillog554") + ";DB_CLOSE_ON_EXIT=FALSE";
        if (!args[1].startsWith("jdbc:")) {
            Files.createDirectories(Path.of(args[1]));
        }
        LocalDate end = LocalDate.parse(args.length > 2 ? args[2] : "2026-11-30");
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 19;
        String user = System.getProperty("bench.db.user", url.startsWith("jdbc:h2:") ? "sa" : "maillog554");
        String password = System.getProperty("bench.db.password", "");
        System.out.println(new HistoryBench(rows, end, seed).build(url, user, password));
    }

    /** Builds (or finishes) the history; returns the rows stored. */
    private long build(String url, String user, String password) throws SQLException {
        long t0 = System.nanoTime();
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        String prefix = MARK + " rows=" + rows + " end=" + end + " seed=" + seed + " day=";
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            Map<String, Object[]> runs = runs(c, prefix);
            long stored = 0;
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = LocalDate.ofEpochDay(firstDay + d);
                Object[] run = runs.get(prefix + day);
                if (run != null && "ok".equals(run[1])) {
                    stored += perDay[d];
                    continue;
                }
                stored += day(c, d, prefix + day, run == null ? null : (Long) run[0]);
                if ((d + 1) % 10 == 0 || d == DAYS - 1) {
                    double s = (System.nanoTime() - t0) / 1e9;
                    System.err.printf("history-bench: day %d/%d (%s), %d rows, %.0f s, %.0f rows/s%n", d + 1, DAYS,
                            day, stored, s, stored / Math.max(s, 0.001));
                }
            }
            long count;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM rejection")) {
                rs.next();
                count = rs.getLong(1);
            }
            c.commit();
            if (count != rows) {
                throw new IllegalStateException("the history holds " + count + " rows, not " + rows);
            }
            if (!causes.isEmpty()) {
                System.err.println("history-bench: built in " + Math.round((System.nanoTime() - t0) / 1e9)
                        + " s; causes of the rows built now: " + causes);
            }
            return count;
        }
    }

    // The builder's runs by their inputs (id, status); refuses a history with any other run.
    private static Map<String, Object[]> runs(Connection c, String prefix) throws SQLException {
        Map<String, Object[]> out = new TreeMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, inputs, status FROM scan_run")) {
            while (rs.next()) {
                if (!rs.getString(2).startsWith(prefix)) {
                    throw new IllegalStateException("refusing to build over a history that has other runs (run "
                            + rs.getLong(1) + ": " + rs.getString(2) + "); give an empty data dir or database");
                }
                out.put(rs.getString(2), new Object[] {rs.getLong(1), rs.getString(3)});
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM rejection WHERE run_id NOT IN "
                     + "(SELECT id FROM scan_run)")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("refusing to build over a history with rows of no run");
            }
        }
        c.commit();
        return out;
    }

    // One day: its run, its rows in batches (each its own transaction), then the run marked ok.
    private long day(Connection c, int d, String inputs, Long resumed) throws SQLException {
        long t0 = System.nanoTime();
        long epochDay = firstDay + d;
        Instant ran = Instant.ofEpochSecond((epochDay + 1) * 86_400 + 600);
        long runId;
        if (resumed != null) {
            runId = resumed;
        } else {
            runId = nextRunId(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scan_run (id, started_at, host, inputs, codes, "
                    + "status, lines_read, rejections_found, rejections_new, problems) "
                    + "VALUES (?, ?, 'bench', ?, '554', 'running', 0, 0, 0, 0)")) {
                ps.setLong(1, runId);
                ps.setObject(2, ran.atOffset(ZoneOffset.UTC));
                ps.setString(3, inputs);
                ps.executeUpdate();
            }
            c.commit();
        }
        List<KeyedRejection> found = rejections(d);
        long stored = 0;
        KnownKeys known = new KnownKeys(); // as a scan keeps them, for its run
        for (int from = 0; from < found.size(); from += BATCH) {
            List<KeyedRejection> batch = found.subList(from, Math.min(found.size(), from + BATCH));
            // A resumed day looks its keys up first (what a scan does after a batch that found stored keys).
            int n = RejectionInserts.insertNew(c, runId, batch, resumed != null, known).rows();
            try (PreparedStatement ps = c.prepareStatement("UPDATE scan_run SET rejections_new = rejections_new + ? "
                    + "WHERE id = ?")) {
                ps.setLong(1, n);
                ps.setLong(2, runId);
                ps.executeUpdate();
            }
            c.commit();
            stored += n;
        }
        Set<String> recipients = new HashSet<>();
        found.forEach(k -> recipients.add(k.rejection().event().recipient()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        try (PreparedStatement ps = c.prepareStatement("UPDATE scan_run SET status = 'ok', finished_at = ?, "
                + "lines_read = ?, rejections_found = ?, inputs_read = 1, recipients = ?, duration_ms = ?, "
                + "exit_code = 0 WHERE id = ?")) {
            ps.setObject(1, ran.plusMillis(ms).atOffset(ZoneOffset.UTC));
            ps.setLong(2, found.size() * 23L);
            ps.setLong(3, found.size());
            ps.setLong(4, recipients.size());
            ps.setLong(5, ms);
            ps.setLong(6, runId);
            ps.executeUpdate();
        }
        c.commit();
        return found.size();
    }

    private static long nextRunId(Connection c) throws SQLException {
        String sql = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                ? "SELECT nextval('scan_run_seq')" : "SELECT NEXT VALUE FOR scan_run_seq";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // Rows per day adding up to rows: quieter weekends, a slow rise over the year, three incident days at 4x.
    private static int[] allocate(int rows, long firstDay, long seed) {
        double[] w = new double[DAYS];
        double sum = 0;
        SplittableRandom rnd = new SplittableRandom(seed);
        Set<Integer> incidents = Set.of(rnd.nextInt(DAYS), rnd.nextInt(DAYS), rnd.nextInt(DAYS));
        for (int d = 0; d < DAYS; d++) {
            DayOfWeek dow = LocalDate.ofEpochDay(firstDay + d).getDayOfWeek();
            w[d] = (dow == DayOfWeek.SATURDAY ? 0.6 : dow == DayOfWeek.SUNDAY ? 0.5 : 1.0) * (0.8 + 0.4 * d / DAYS)
                    * (incidents.contains(d) ? 4 : 1) * (0.9 + 0.2 * rnd.nextDouble());
            sum += w[d];
        }
        int[] n = new int[DAYS];
        int given = 0;
        for (int d = 0; d < DAYS; d++) {
            n[d] = (int) Math.floor(rows * w[d] / sum);
            given += n[d];
        }
        for (int d = 0; given < rows; d = (d + 1) % DAYS) {
            n[d]++;
            given++;
        }
        return n;
    }

    // The rejections of day d, in time order, keyed, classified.
    private List<KeyedRejection> rejections(int d) {
        long epochDay = firstDay + d;
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + epochDay);
        int n = perDay[d];
        long[] seconds = new long[n];
        for (int i = 0; i < n; i++) {
            // Never the first second of a day: a window shifted by one second holds the same rows.
            seconds[i] = epochDay * 86_400 + 1 + rnd.nextLong(86_398);
        }
        Arrays.sort(seconds);
        List<Long> todays = new ArrayList<>();
        List<KeyedRejection> out = new ArrayList<>(n);
        String file = "/var/log/mail.log-" + LocalDate.ofEpochDay(epochDay + 1).toString().replace("-", "");
        for (int i = 0; i < n; i++) {
            Instant t = Instant.ofEpochSecond(seconds[i], rnd.nextInt(1_000_000) * 1000L);
            RejectionEvent e = rnd.nextInt(10) < 6 ? outbound(rnd, t, epochDay, i, todays, file)
                    : inbound(rnd, t, i, file);
            Diagnosis diagnosis = classifier.classify(e, false);
            causes.merge(diagnosis.category().id(), 1L, Long::sum);
            // A log line as the server wrote it: its identity, as a scan keys it (the time to the microsecond and
            // the line number make each one unique).
            String line = t + " " + e.host() + " " + e.mta().label() + "[" + (1000 + i % 30000) + "]: "
                    + (e.queueId().isEmpty() ? "NOQUEUE" : e.queueId()) + ": to=<" + e.recipient() + ">, from=<"
                    + e.sender() + ">, relay=" + e.remoteHost() + "[" + e.remoteIp() + "], status="
                    + e.status().label() + " (" + e.replyCode() + " " + e.enhancedCode() + " " + e.message() + ") "
                    + i;
            out.add(new KeyedRejection(DedupeKey.of(e.host(), line, 0), new Rejection(e, diagnosis)));
        }
        out.sort(Comparator.comparing(k -> k.rejection().event().time()));
        return out;
    }

    private RejectionEvent outbound(SplittableRandom rnd, Instant t, long epochDay, int i, List<Long> todays,
                                    String file) {
        // Mostly a new recipient; some retried later the same day, some again on a later day.
        long id;
        int r = rnd.nextInt(100);
        if (r < 12 && !todays.isEmpty()) {
            id = todays.get(rnd.nextInt(todays.size()));
        } else if (r < 18 && epochDay - firstDay > 0) {
            long back = 1 + rnd.nextInt((int) Math.min(14, epochDay - firstDay));
            id = (epochDay - back) * 1_000_000L + rnd.nextInt(Math.max(1, perDay[(int) (epochDay - back - firstDay)]));
        } else {
            id = epochDay * 1_000_000L + i;
            todays.add(id);
        }
        long h = mix(id);
        String domain = recipientDomain(h);
        String recipient = NAMES[(int) Math.floorMod(h >>> 8, NAMES.length)] + "." + Long.toString(id % 99_991_271L,
                36) + "@" + domain;
        int p = indexOf(domain);
        Reply[] replies;
        String mx;
        if (domain.startsWith("gmail") || domain.equals("googlemail.com")) {
            replies = GOOGLE;
            mx = "gmail-smtp-in.l.google.com";
        } else if (domain.matches("(outlook|hotmail|live|msn)\\..*")) {
            replies = MICROSOFT;
            mx = domain.replace('.', '-') + ".olc.protection.outlook.com";
        } else if (domain.startsWith("yahoo") || domain.equals("aol.com")) {
            replies = YAHOO;
            mx = "mta" + (1 + h % 7) + ".am0.yahoodns.net";
        } else if (domain.equals("icloud.com") || domain.equals("me.com")) {
            replies = APPLE;
            mx = "mx0" + (1 + h % 6) + ".mail.icloud.com";
        } else if (domain.equals("comcast.net")) {
            replies = COMCAST;
            mx = "mx1a1.comcast.net";
        } else if (domain.startsWith("gmx") || domain.equals("web.de") || domain.equals("mail.com")) {
            replies = GMX;
            mx = "mx00.gmx.net";
        } else if (p >= 0) {
            replies = OWN_MX;
            mx = "mx" + (1 + h % 3) + "." + domain;
        } else {
            // Small domains: some behind a mail filter or Microsoft 365 or Google Workspace, the rest on their own.
            switch ((int) Math.floorMod(h >>> 20, 10)) {
                case 0 -> { replies = MIMECAST; mx = "eu-smtp-inbound-" + (1 + h % 2) + ".mimecast.com"; }
                case 1 -> { replies = PROOFPOINT; mx = "mx0a-00" + (h % 9000 + 1000) + ".pphosted.com"; }
                case 2 -> { replies = BARRACUDA; mx = "d" + (h % 300) + ".mx.ess.barracudanetworks.com"; }
                case 3, 4 -> { replies = MICROSOFT; mx = domain.replace('.', '-') + ".mail.protection.outlook.com"; }
                case 5 -> { replies = GOOGLE; mx = "aspmx.l.google.com"; }
                default -> { replies = OWN_MX; mx = "mx" + (1 + h % 3) + "." + domain; }
            }
        }
        // A recipient mostly gets the same answer each time.
        Reply reply = replies[(int) Math.floorMod(rnd.nextInt(4) == 0 ? rnd.nextLong() : h >>> 32, replies.length)];
        String ourIp = "192.0.2." + (10 + rnd.nextInt(8));
        boolean exim = rnd.nextInt(10) < 3;
        String host = exim ? "exim1.example.org" : "out1.example.org";
        String qid = exim ? base62(rnd, 6) + "-" + base62(rnd, 12) + "-" + base62(rnd, 4) : base62(rnd, 12);
        String sender = rnd.nextInt(3) == 0 ? NAMES[rnd.nextInt(NAMES.length)] + "@" + OUR_DOMAINS[rnd.nextInt(4)]
                : OUR_SENDERS[rnd.nextInt(OUR_SENDERS.length)] + "@" + OUR_DOMAINS[rnd.nextInt(4)];
        String text = fill(reply.text(), ourIp, recipient, sender, mx);
        DeliveryStatus status = reply.stage().equals("CONNECT") ? DeliveryStatus.DEFERRED : DeliveryStatus.BOUNCED;
        String mxIp = (h % 2 == 0 ? "198.51.100." : "203.0.113.") + (1 + Math.floorMod(h >>> 12, 250));
        return new RejectionEvent(t, Direction.OUTBOUND, status, exim ? Mta.EXIM : Mta.POSTFIX, host, qid, sender,
                recipient, domain, 554, reply.enhanced(), reply.stage(), mx, mxIp, text, file, i + 1);
    }

    private RejectionEvent inbound(SplittableRandom rnd, Instant t, int i, String file) {
        // Clients: ~50,000 addresses, a few of them most of the time; senders from ~5000 domains, skewed too.
        int client = (int) (50_000 * Math.pow(rnd.nextDouble(), 4));
        long ch = mix(client + 7_777_777L);
        String ip = CLIENT_NETS[client % CLIENT_NETS.length] + "." + Math.floorMod(ch, 256) + "."
                + Math.floorMod(ch >>> 8, 256) + "." + (1 + Math.floorMod(ch >>> 16, 254));
        String ptr = Math.floorMod(ch >>> 24, 3) == 0 ? "unknown"
                : "dyn-" + ip.replace('.', '-') + ".isp" + Math.floorMod(ch >>> 30, 40) + ".example";
        int sd = (int) (5_000 * Math.pow(rnd.nextDouble(), 3));
        String sender = NAMES[rnd.nextInt(NAMES.length)] + rnd.nextInt(1000) + "@" + SPAM_WORDS[sd % SPAM_WORDS.length]
                + "-" + sd + "." + SPAM_TLDS[(sd / 7) % SPAM_TLDS.length];
        boolean relay = rnd.nextInt(10) < 2;
        String domain = relay ? recipientDomain(rnd.nextLong()) : OUR_DOMAINS[(int) Math.floorMod(ch >>> 40, 4)];
        String recipient = NAMES[rnd.nextInt(NAMES.length)] + (relay ? "" : "." + rnd.nextInt(160)) + "@" + domain;
        Reply reply = relay ? INBOUND[INBOUND.length - 1]
                : INBOUND[(int) Math.floorMod(rnd.nextInt(3) == 0 ? rnd.nextLong() : ch >>> 44, INBOUND.length - 1)];
        int server = rnd.nextInt(10);
        String host = server < 9 ? (server < 5 ? "mx1.example.org" : "mx2.example.org") : "exim1.example.org";
        return new RejectionEvent(t, Direction.INBOUND, DeliveryStatus.REJECTED, server < 9 ? Mta.POSTFIX : Mta.EXIM,
                host, "", sender, recipient, domain, 554, reply.enhanced(), reply.stage(),
                ptr, ip, fill(reply.text(), ip, recipient, sender, ptr.equals("unknown") ? "unknown" : ptr), file,
                i + 1);
    }

    // One of ~2000 domains: 55% the big providers (the first ones most), 45% a long tail, skewed too.
    private String recipientDomain(long h) {
        double u = (Math.floorMod(h, 1_000_003L)) / 1_000_003.0;
        double v = (Math.floorMod(h >>> 21, 999_983L)) / 999_983.0;
        if (u < 0.55) {
            return PROVIDERS[(int) (PROVIDERS.length * Math.pow(v, 2.5))];
        }
        return tail[(int) (tail.length * Math.pow(v, 2.5))];
    }

    private static int indexOf(String domain) {
        for (int i = 0; i < PROVIDERS.length; i++) {
            if (PROVIDERS[i].equals(domain)) {
                return i;
            }
        }
        return -1;
    }

    private static String fill(String text, String ip, String rcpt, String sender, String host) {
        return text.replace("{ip}", ip).replace("{rcpt}", rcpt).replace("{sender}", sender).replace("{host}", host);
    }

    private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static String base62(SplittableRandom rnd, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(rnd.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    // SplitMix64's finaliser: a well-spread hash of a number.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}

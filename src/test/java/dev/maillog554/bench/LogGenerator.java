package dev.maillog554.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes a deterministic, realistic Postfix or Exim log of a given size for {@code bench/run.sh}, and beside it
 * the exact number of SMTP 554 rejections per (reply code, enhanced code, recipient domain, direction) that a
 * scan must find ({@code <log>.expected.csv}, sorted by those columns).
 *
 * <p>Traffic is modelled per message or connection (connect, qmgr, delivery, removed, disconnect), so that the
 * benchmark reads the same mix of lines as a real server. It also plants look-alikes that a scan must not count:
 * 550/450 rejects, cleanup and milter rejects that log only an enhanced code, 554 inside queue ids, sizes and
 * ports. No dependency outside the JDK, so the script runs it as a single source file:
 * {@code java src/test/java/dev/maillog554/bench/LogGenerator.java postfix out.log 50000000}.
 */
public final class LogGenerator {

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final String[] PROVIDERS = {"gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
        "live.com", "yahoo.com", "aol.com", "icloud.com", "me.com", "comcast.net", "cox.net", "orange.fr",
        "wanadoo.fr", "gmx.de", "web.de", "mail.com", "t-online.de", "wp.pl", "libero.it", "btinternet.com"};
    private static final String[] OUR_DOMAINS = {"example.org", "example.net", "shop.example.com",
        "lists.example.org"};
    private static final String[] BLOCKLISTS = {"zen.spamhaus.org", "b.barracudacentral.org", "bl.spamcop.net",
        "dnsbl.sorbs.net", "psbl.surriel.com"};
    private static final String[] NAMES = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
        "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter"};
    private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** Outbound 554 replies as receivers send them (facts §2); {@code %s} is our IP. */
    private static final String[] OUT_554 = {
        "554 5.7.1 Service unavailable; Client host [%s] blocked using Spamhaus. To request removal from this list "
            + "see https://www.spamhaus.org/query/ip/%s (AS3130). "
            + "[DB5EUR03FT043.eop-EUR03.prod.protection.outlook.com]",
        "554 5.7.1 [%s] Messages missing a valid messageId header are not accepted. - gsmtp",
        "554 5.7.9 Message not accepted for policy reasons.  See https://help.yahoo.com/kb/postmaster/SLN7253.html",
        "554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/HT204137",
        "554 resimta-po-12v.sys.comcast.net comcast %s Comcast block for spam. "
            + "Please see http://postmaster.comcast.net",
        "554-gmx.net (mxgmx017) Nemesis ESMTP Service not available 554-No SMTP service 554 Reject due to policy "
            + "restrictions. For explanation visit https://postmaster.gmx.net/en/case?c=hi&i=ip&v=%s&r=1ABCD",
        "554 Email rejected due to security policies - https://community.mimecast.com/docs/DOC-1369#554",
        "554 5.7.1 Service unavailable; Client host [%s] blocked using Barracuda Reputation",
        "554 sorry, refused mailfrom because return MX does not exist",
        "554 5.7.5 Permanent error evaluating DMARC policy",
        "554 5.6.0 Message contains invalid header",
        "554 Transaction failed: spam message rejected",
    };
    private static final String[] OUT_OTHER = {
        "550 5.1.1 The email account that you tried to reach does not exist. - gsmtp",
        "550 5.7.1 Unfortunately, messages from [%s] weren't sent. Please contact your Internet service provider",
        "552 5.2.2 The email account that you tried to reach is over quota. - gsmtp",
        "550 Requested action not taken: mailbox unavailable (id 5541)",
    };
    private static final String[] OUT_DEFER = {
        "421 4.7.0 [%s] Our system has detected an unusual rate of unsolicited mail. - gsmtp",
        "451 4.7.1 Greylisted, please try again later",
        "450 4.2.1 The user you are trying to contact is receiving mail too quickly. - gsmtp",
    };

    private final SplittableRandom rnd;
    private final boolean exim;
    private final double rate554;
    private final Map<String, Long> expected = new TreeMap<>();
    private final StringBuilder sb = new StringBuilder(1024);
    private LocalDateTime clock = LocalDateTime.of(2026, 3, 1, 0, 0, 0);
    private int nanos;
    private boolean rfc3339;
    private long linesInStyle;
    private long lines;
    private long bytes;
    private final OutputStream out;
    private final byte[] lineBytes = new byte[8192];

    private LogGenerator(OutputStream out, boolean exim, long seed, double rate554) {
        this.out = out;
        this.exim = exim;
        this.rnd = new SplittableRandom(seed);
        this.rate554 = rate554;
    }

    /**
     * Arguments: {@code postfix|exim <log> <bytes> [seed] [rate554]}; rate554 is the share of messages and
     * connections that end in a 554 (default 0.08, which makes a few % of the lines 554 rejections).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: LogGenerator postfix|exim <log> <bytes> [seed] [rate554]");
            System.exit(2);
        }
        boolean exim = args[0].equals("exim");
        Path log = Path.of(args[1]);
        long size = Long.parseLong(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 554L;
        double rate = args.length > 4 ? Double.parseDouble(args[4]) : 0.08;
        LogGenerator g;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(log), 1 << 20)) {
            g = new LogGenerator(out, exim, seed, rate);
            while (g.bytes < size) {
                if (exim) {
                    g.eximEvent();
                } else {
                    g.postfixEvent();
                }
            }
        }
        Path csv = Path.of(args[1] + ".expected.csv");
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            w.print("reply_code,enhanced_code,recipient_domain,direction,count\n");
            long total = 0;
            for (Map.Entry<String, Long> e : g.expected.entrySet()) {
                w.print(e.getKey() + "," + e.getValue() + "\n");
                total += e.getValue();
            }
            System.err.printf("%s: %d bytes, %d lines, %d rejections (554)%n", log, g.bytes, g.lines, total);
        }
    }

    // ---------------------------------------------------------------- Postfix

    private void postfixEvent() throws IOException {
        double r = rnd.nextDouble();
        if (r < 0.40) {
            inboundAccepted();
        } else if (r < 0.70) {
            outboundMessage();
        } else if (r < 0.85) {
            inboundReject();
        } else if (r < 0.95) {
            postscreen();
        } else {
            contentReject();
        }
    }

    private void inboundAccepted() throws IOException {
        String qid = queueId();
        String[] client = client();
        String pid = pid();
        String from = address(PROVIDERS[rnd.nextInt(PROVIDERS.length)]);
        String to = address(OUR_DOMAINS[rnd.nextInt(OUR_DOMAINS.length)]);
        pf("smtpd", pid, "connect from " + client[0] + "[" + client[1] + "]");
        pf("smtpd", pid, qid + ": client=" + client[0] + "[" + client[1] + "]");
        pf("cleanup", pid(), qid + ": message-id=<" + token(16) + "@" + client[0] + ">");
        pf("qmgr", "1021", qid + ": from=<" + from + ">, size=" + rnd.nextInt(800, 90000) + ", nrcpt=1 (queue active)");
        pf("smtpd", pid, "disconnect from " + client[0] + "[" + client[1] + "] ehlo=2 starttls=1 mail=1 rcpt=1 "
                + "data=1 quit=1 commands=7");
        pf("lmtp", pid(), qid + ": to=<" + to + ">, relay=mail.example.org[private/dovecot-lmtp], delay=0."
                + rnd.nextInt(10, 99) + ", delays=0.1/0/0.01/0.02, dsn=2.0.0, status=sent (250 2.0.0 <" + to + "> "
                + token(22) + " Saved)");
        pf("qmgr", "1021", qid + ": removed");
    }

    private void outboundMessage() throws IOException {
        String qid = queueId();
        String pid = pid();
        String ip = "192.0.2." + rnd.nextInt(1, 250);
        String from = address(OUR_DOMAINS[rnd.nextInt(OUR_DOMAINS.length)]);
        pf("submission/smtpd", pid, "connect from unknown[" + ip + "]");
        pf("submission/smtpd", pid, qid + ": client=unknown[" + ip + "], sasl_method=PLAIN, sasl_username="
                + from);
        pf("cleanup", pid(), qid + ": message-id=<" + token(20) + "@example.org>");
        int nrcpt = 1 + (rnd.nextInt(8) == 0 ? rnd.nextInt(1, 4) : 0);
        pf("qmgr", "1021", qid + ": from=<" + from + ">, size=" + rnd.nextInt(600, 250000) + ", nrcpt=" + nrcpt
                + " (queue active)");
        pf("submission/smtpd", pid, "disconnect from unknown[" + ip + "] ehlo=1 auth=1 mail=1 rcpt=" + nrcpt
                + " data=1 quit=1 commands=" + (5 + nrcpt));
        boolean bounced = false;
        for (int i = 0; i < nrcpt; i++) {
            bounced |= delivery(qid);
        }
        if (bounced) {
            pf("bounce", pid(), qid + ": sender non-delivery notification: " + queueId());
        }
        pf("qmgr", "1021", qid + ": removed");
    }

    /** One smtp delivery attempt; true when it bounced. */
    private boolean delivery(String qid) throws IOException {
        String dom = domain();
        String rcpt = address(rnd.nextInt(20) == 0 ? dom.toUpperCase() : dom);
        String mx = "mx" + rnd.nextInt(1, 4) + "." + dom.toLowerCase();
        String mxIp = "203.0.113." + rnd.nextInt(1, 250);
        String head = qid + ": to=<" + rcpt + ">, relay=" + mx + "[" + mxIp + "]:25, delay=" + rnd.nextInt(1, 40)
                + ", delays=0." + rnd.nextInt(10, 99) + "/0.01/0." + rnd.nextInt(10, 99) + "/0." + rnd.nextInt(10, 99)
                + (rnd.nextBoolean() ? ", tls=may" : "");
        String said = "host " + mx + "[" + mxIp + "] said: ";
        double r = rnd.nextDouble();
        if (r < rate554) {
            String reply = String.format(OUT_554[rnd.nextInt(OUT_554.length)], ourIp(), ourIp());
            String enh = enhanced(reply);
            String dsn = enh.isEmpty() ? "5.0.0" : enh;
            String stage = rnd.nextInt(3) == 0 ? "end of DATA" : "RCPT TO";
            pf("smtp", pid(), head + ", dsn=" + dsn + ", status=bounced (" + said + reply + " (in reply to " + stage
                    + " command))");
            expect(554, dsn, dom, "outbound");
            return true;
        }
        if (r < rate554 * 1.25) {
            // smtp_skip_5xx_greeting turns a 554 banner into a deferral of class 4 (facts §4.6).
            String reply = rnd.nextBoolean() ? "554 5.7.1 " + mx + " ESMTP not accepting messages from " + ourIp()
                    : "554 " + mx + " ESMTP No SMTP service here";
            pf("smtp", pid(), head + ", dsn=4.0.0, status=deferred (host " + mx + "[" + mxIp
                    + "] refused to talk to me: " + reply + ")");
            expect(554, enhanced(reply), dom, "outbound");
            return false;
        }
        if (r < rate554 * 1.35) {
            // One MX host refused the greeting before another took the mail: an attempt, not a refused recipient.
            pf("smtp", pid(), qid + ": host " + mx + "[" + mxIp + "] refused to talk to me: 554 5.7.1 Client host "
                    + ourIp() + " rejected: see https://senderscore.example.com/");
        }
        if (r < 0.80) {
            pf("smtp", pid(), head + ", dsn=2.0.0, status=sent (250 2.0.0 OK " + rnd.nextInt(1_700_000_000,
                    1_800_000_000) + " " + token(12) + " - gsmtp)");
            return false;
        }
        if (r < 0.90) {
            String reply = String.format(OUT_DEFER[rnd.nextInt(OUT_DEFER.length)], ourIp());
            pf("smtp", pid(), head + ", dsn=" + enhanced(reply) + ", status=deferred (" + said + reply
                    + " (in reply to RCPT TO command))");
            return false;
        }
        if (r < 0.95) {
            pf("smtp", pid(), qid + ": to=<" + rcpt + ">, relay=none, delay=" + rnd.nextInt(1, 9000)
                    + ", delays=0.01/0/30/0, dsn=4.4.1, status=deferred (connect to " + mx + "[" + mxIp
                    + "]:25: Connection timed out)");
            return false;
        }
        String reply = String.format(OUT_OTHER[rnd.nextInt(OUT_OTHER.length)], ourIp());
        String enh = enhanced(reply);
        pf("smtp", pid(), head + ", dsn=" + (enh.isEmpty() ? "5.0.0" : enh) + ", status=bounced (" + said + reply
                + " (in reply to RCPT TO command))");
        return true;
    }

    private void inboundReject() throws IOException {
        String pid = pid();
        String[] client = client();
        String from = address(PROVIDERS[rnd.nextInt(PROVIDERS.length)]);
        String dom = rnd.nextInt(4) == 0 ? domain() : OUR_DOMAINS[rnd.nextInt(OUR_DOMAINS.length)];
        String to = address(dom);
        String helo = rnd.nextBoolean() ? client[0] : "[" + client[1] + "]";
        String where = "RCPT from " + client[0] + "[" + client[1] + "]: ";
        String fields = "; from=<" + from + "> to=<" + to + "> proto=ESMTP helo=<" + helo + ">";
        pf("smtpd", pid, "connect from " + client[0] + "[" + client[1] + "]");
        double r = rnd.nextDouble();
        if (r < rate554 * 4) {
            int k = rnd.nextInt(3);
            String text = k == 0 ? "554 5.7.1 <" + to + ">: Relay access denied"
                    : k == 1 ? "554 5.7.1 Service unavailable; Client host [" + client[1] + "] blocked using "
                    + BLOCKLISTS[rnd.nextInt(BLOCKLISTS.length)] + "; https://www.spamhaus.org/query/ip/" + client[1]
                    : "554 5.7.1 <" + client[0] + "[" + client[1] + "]>: Client host rejected: Access denied";
            pf("smtpd", pid, "NOQUEUE: reject: " + where + text + fields);
            expect(554, "5.7.1", dom, "inbound");
        } else if (r < 0.5) {
            pf("smtpd", pid, "NOQUEUE: reject: " + where + "550 5.1.1 <" + to + ">: Recipient address rejected: "
                    + "User unknown in virtual mailbox table" + fields);
        } else if (r < 0.8) {
            pf("smtpd", pid, "NOQUEUE: reject: " + where + "450 4.2.0 <" + to + ">: Recipient address rejected: "
                    + "Greylisted, see http://postgrey.schweikert.ch/help/" + dom + ".html" + fields);
        } else if (r < 0.9) {
            pf("smtpd", pid, "NOQUEUE: reject: " + where + "450 4.7.25 Client host rejected: cannot find your "
                    + "hostname, [" + client[1] + "]" + fields);
        } else {
            pf("smtpd", pid, "warning: hostname " + client[0] + " does not resolve to address " + client[1]);
        }
        pf("smtpd", pid, "disconnect from " + client[0] + "[" + client[1] + "] ehlo=1 mail=1 rcpt=0/1 quit=1 "
                + "commands=3/4");
    }

    private void postscreen() throws IOException {
        String pid = "8815";
        String ip = "198.51.100." + rnd.nextInt(1, 250);
        String port = Integer.toString(rnd.nextInt(1024, 65535));
        pf("postscreen", pid, "CONNECT from [" + ip + "]:" + port + " to [192.0.2.1]:25");
        double r = rnd.nextDouble();
        if (r < 0.5) {
            pf("postscreen", pid, "PASS OLD [" + ip + "]:" + port);
            return;
        }
        pf("postscreen", pid, "DNSBL rank " + rnd.nextInt(1, 9) + " for [" + ip + "]:" + port);
        if (r < 0.5 + rate554 * 5) {
            String dom = OUR_DOMAINS[rnd.nextInt(OUR_DOMAINS.length)];
            pf("postscreen", pid, "NOQUEUE: reject: RCPT from [" + ip + "]:" + port + ": 554 5.7.1 Service "
                    + "unavailable; client [" + ip + "] blocked using " + BLOCKLISTS[rnd.nextInt(BLOCKLISTS.length)]
                    + "; from=<" + address("spam.example") + ">, to=<" + address(dom) + ">, proto=ESMTP, helo=<"
                    + token(8).toLowerCase() + ".example>");
            expect(554, "5.7.1", dom, "inbound");
        } else if (r < 0.8) {
            pf("postscreen", pid, "NOQUEUE: reject: RCPT from [" + ip + "]:" + port + ": 550 5.7.1 Service "
                    + "unavailable; client [" + ip + "] blocked using zen.spamhaus.org; from=<"
                    + address("spam.example") + ">, to=<" + address("example.org") + ">, proto=ESMTP, helo=<x>");
        } else {
            pf("postscreen", pid, "PREGREET " + rnd.nextInt(10, 40) + " after 0." + rnd.nextInt(10, 99) + " from ["
                    + ip + "]:" + port + ": EHLO " + token(6).toLowerCase() + "\\r\\n");
        }
        pf("postscreen", pid, "DISCONNECT [" + ip + "]:" + port);
    }

    // Rejects that log an enhanced code only: a 554 scan must not count them (CodeFilter: reply code 0).
    private void contentReject() throws IOException {
        String qid = queueId();
        String[] client = client();
        String from = address(PROVIDERS[rnd.nextInt(PROVIDERS.length)]);
        String to = address(OUR_DOMAINS[rnd.nextInt(OUR_DOMAINS.length)]);
        String fields = "from=<" + from + "> to=<" + to + "> proto=ESMTP helo=<" + client[0] + ">";
        if (rnd.nextBoolean()) {
            pf("cleanup", pid(), qid + ": reject: header Subject: You won 5540 EUR from " + client[0] + "["
                    + client[1] + "]; " + fields + ": 5.7.1 message content rejected");
        } else {
            pf("cleanup", pid(), qid + ": milter-reject: END-OF-MESSAGE from " + client[0] + "[" + client[1]
                    + "]: 5.7.1 Spam message rejected; " + fields);
        }
    }

    private void pf(String service, String pid, String message) throws IOException {
        tick();
        sb.setLength(0);
        stamp();
        sb.append(" mail postfix/").append(service).append('[').append(pid).append("]: ").append(message);
        emit();
    }

    // ---------------------------------------------------------------- Exim

    private void eximEvent() throws IOException {
        double r = rnd.nextDouble();
        if (r < 0.55) {
            eximMessage();
        } else {
            eximAcl();
        }
    }

    private void eximMessage() throws IOException {
        String id = eximId();
        boolean local = rnd.nextInt(3) == 0;
        String from = address(local ? OUR_DOMAINS[rnd.nextInt(OUR_DOMAINS.length)]
                : PROVIDERS[rnd.nextInt(PROVIDERS.length)]);
        String[] client = client();
        ex(id + " <= " + from + " H=" + client[0] + " (" + client[0] + ") [" + client[1] + "]:" + rnd.nextInt(1024,
                65535) + " I=[192.0.2.1]:25 P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no S="
                + rnd.nextInt(900, 120000) + " id=" + token(24) + "@" + client[0]);
        int nrcpt = 1 + (rnd.nextInt(6) == 0 ? rnd.nextInt(1, 3) : 0);
        for (int i = 0; i < nrcpt; i++) {
            eximDelivery(id);
        }
        ex(id + " Completed");
    }

    private void eximDelivery(String id) throws IOException {
        String dom = domain();
        String rcpt = address(dom);
        String mx = "mx" + rnd.nextInt(1, 4) + "." + dom;
        String hostField = "H=" + mx + " [203.0.113." + rnd.nextInt(1, 250) + "]";
        String rt = " R=dnslookup T=remote_smtp ";
        double r = rnd.nextDouble();
        if (r < rate554) {
            String reply = String.format(OUT_554[rnd.nextInt(OUT_554.length)], ourIp(), ourIp());
            ex(id + " ** " + rcpt + rt + hostField + ":25 X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes: SMTP error "
                    + "from remote mail server after RCPT TO:<" + rcpt + ">: " + reply);
            expect(554, enhanced(reply), dom, "outbound");
        } else if (r < rate554 * 1.2) {
            // A host-level attempt before the backup MX took the mail: not a refused recipient, not counted.
            ex(id + " " + hostField + ": SMTP error from remote mail server after initial connection: 554 5.7.1 "
                    + mx + " Service unavailable");
            ex(id + " => " + rcpt + rt + "H=" + mx.replace("mx", "backup") + " [203.0.113.9] C=\"250 2.0.0 OK\"");
        } else if (r < 0.85) {
            ex(id + " => " + rcpt + rt + hostField + " X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 OK "
                    + rnd.nextInt(1_700_000_000, 1_800_000_000) + " " + token(12) + " - gsmtp\"");
        } else if (r < 0.95) {
            String reply = String.format(OUT_DEFER[rnd.nextInt(OUT_DEFER.length)], ourIp());
            ex(id + " == " + rcpt + rt + "defer (-44) " + hostField + ": SMTP error from remote mail server after "
                    + "RCPT TO:<" + rcpt + ">: " + reply);
        } else {
            String reply = String.format(OUT_OTHER[rnd.nextInt(OUT_OTHER.length)], ourIp());
            ex(id + " ** " + rcpt + rt + hostField + ": SMTP error from remote mail server after RCPT TO:<" + rcpt
                    + ">: " + reply);
        }
    }

    private void eximAcl() throws IOException {
        String[] client = client();
        String from = address(PROVIDERS[rnd.nextInt(PROVIDERS.length)]);
        String dom = OUR_DOMAINS[rnd.nextInt(OUR_DOMAINS.length)];
        String rcpt = address(dom);
        String h = "H=" + client[0] + " (" + client[0] + ") [" + client[1] + "]:" + rnd.nextInt(1024, 65535)
                + " I=[192.0.2.1]:25 F=<" + from + "> ";
        double r = rnd.nextDouble();
        if (r < rate554 * 4) {
            // An ACL whose message starts with a code ("message = 554 5.7.1 ..."): only then the log shows it.
            ex(h + "rejected RCPT <" + rcpt + ">: 554 5.7.1 rejected because " + client[1] + " is in a black list at "
                    + BLOCKLISTS[rnd.nextInt(BLOCKLISTS.length)]);
            expect(554, "5.7.1", dom, "inbound");
        } else if (r < 0.4) {
            ex(h + "rejected RCPT <" + rcpt + ">: relay not permitted");
        } else if (r < 0.7) {
            ex(h + "temporarily rejected RCPT <" + rcpt + ">: greylisted");
        } else if (r < 0.85) {
            ex("H=(" + token(6).toLowerCase() + ") [" + client[1] + "]:" + rnd.nextInt(1024, 65535)
                    + " rejected EHLO or HELO " + token(6).toLowerCase() + ": syntactically invalid argument(s)");
        } else {
            ex("SMTP connection from " + client[0] + " [" + client[1] + "]:" + rnd.nextInt(1024, 65535)
                    + " I=[192.0.2.1]:25 closed by QUIT");
        }
    }

    private void ex(String message) throws IOException {
        tick();
        sb.setLength(0);
        sb.append(clock.getYear()).append('-');
        two(clock.getMonthValue()).append('-');
        two(clock.getDayOfMonth()).append(' ');
        two(clock.getHour()).append(':');
        two(clock.getMinute()).append(':');
        two(clock.getSecond()).append(' ').append(message);
        emit();
    }

    // ---------------------------------------------------------------- shared

    /** Advances time a little; switches between classic and RFC 3339 stamps now and then (an rsyslog change). */
    private void tick() {
        nanos += rnd.nextInt(0, 40_000_000);
        if (nanos >= 1_000_000_000) {
            clock = clock.plusSeconds(nanos / 1_000_000_000);
            nanos %= 1_000_000_000;
        }
        if (++linesInStyle > 200_000 && rnd.nextInt(1000) == 0) {
            rfc3339 = !rfc3339;
            linesInStyle = 0;
        }
    }

    private void stamp() {
        if (rfc3339) {
            // 2026-03-01T10:36:19.198142+01:00
            LocalDateTime t = clock.plusHours(1);
            sb.append(t.getYear()).append('-');
            two(t.getMonthValue()).append('-');
            two(t.getDayOfMonth()).append('T');
            two(t.getHour()).append(':');
            two(t.getMinute()).append(':');
            two(t.getSecond()).append('.');
            String micros = Integer.toString(1_000_000 + nanos / 1000);
            sb.append(micros, 1, 7).append("+01:00");
        } else {
            // Mar  1 10:36:19 (space-padded day, no year, no zone)
            sb.append(MONTHS[clock.getMonthValue() - 1]).append(' ');
            if (clock.getDayOfMonth() < 10) {
                sb.append(' ');
            }
            sb.append(clock.getDayOfMonth()).append(' ');
            two(clock.getHour()).append(':');
            two(clock.getMinute()).append(':');
            two(clock.getSecond());
        }
    }

    private StringBuilder two(int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    private void emit() throws IOException {
        int n = sb.length();
        for (int i = 0; i < n; i++) {
            lineBytes[i] = (byte) sb.charAt(i);
        }
        lineBytes[n] = '\n';
        out.write(lineBytes, 0, n + 1);
        bytes += n + 1;
        lines++;
    }

    private void expect(int code, String enhanced, String domain, String direction) {
        expected.merge(code + "," + enhanced + "," + domain.toLowerCase() + "," + direction, 1L, Long::sum);
    }

    /** The enhanced code at the start of a reply's text, if its class matches the reply code. */
    private static String enhanced(String reply) {
        int sp = reply.indexOf(' ');
        String rest = reply.substring(sp + 1);
        int end = rest.indexOf(' ');
        String first = end < 0 ? rest : rest.substring(0, end);
        return first.matches("[245]\\.\\d{1,3}\\.\\d{1,3}") && first.charAt(0) == reply.charAt(0) ? first : "";
    }

    /** Recipient domains: big providers most often, then a long tail of smaller ones. */
    private String domain() {
        if (rnd.nextInt(10) < 6) {
            return PROVIDERS[rnd.nextInt(PROVIDERS.length)];
        }
        return "corp" + rnd.nextInt(4000) + (rnd.nextBoolean() ? ".example.com" : ".example.net");
    }

    private String address(String domain) {
        return NAMES[rnd.nextInt(NAMES.length)] + (rnd.nextBoolean() ? "." + rnd.nextInt(1000) : "") + "@" + domain;
    }

    private String[] client() {
        String ip = "198.51.100." + rnd.nextInt(1, 250);
        return new String[] {rnd.nextInt(4) == 0 ? "unknown" : "mail-" + token(5).toLowerCase() + ".example.net", ip};
    }

    private String ourIp() {
        return "192.0.2." + rnd.nextInt(1, 20);
    }

    private String pid() {
        return Integer.toString(rnd.nextInt(300, 65000));
    }

    // Short hex ids (facts §4.2); they can contain "554", which a prefilter must not take for a code.
    private String queueId() {
        return Long.toHexString(rnd.nextLong(0x10000000000L, 0xFFFFFFFFFFFL)).toUpperCase();
    }

    // Exim 4.97+ ids, 6-11-4 (facts §4.8), with some older 6-6-2 ones around an upgrade.
    private String eximId() {
        return rnd.nextInt(10) == 0 ? token(6) + "-" + token(6) + "-" + token(2)
                : token(6) + "-" + token(11) + "-" + token(4);
    }

    private String token(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = ALNUM.charAt(rnd.nextInt(ALNUM.length()));
        }
        return new String(c);
    }
}

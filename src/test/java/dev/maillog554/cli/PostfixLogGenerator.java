package dev.maillog554.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a large, realistic Postfix log for the tests that need a scan to last: ordinary deliveries, with a few
 * per cent (about 5) of the lines being 554 rejections in Postfix's own formats (smtpd NOQUEUE rejects and smtp
 * {@code status=bounced (... said: 554 5.7.1 ...)}). The same seed always gives the same file.
 */
final class PostfixLogGenerator {

    // Classic syslog stamp, no year: "Nov  3 08:01:12" (day padded with a space, as syslog writes it).
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);
    private static final String[] DOMAINS = {"example.org", "example.net", "example.edu", "mail.example",
        "shop.example", "partner.example", "yahoo.com", "outlook.com", "gmail.com", "example.co.uk"};

    private PostfixLogGenerator() {
    }

    /** Writes about {@code lines} lines to {@code file} and returns how many rejection lines it holds. */
    static long write(Path file, int lines, long seed) throws IOException {
        Random rnd = new Random(seed);
        LocalDateTime t = LocalDateTime.of(2025, 11, 1, 0, 0, 0);
        long written = 0;
        long rejections = 0;
        int msg = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < lines) {
                t = t.plusSeconds(1 + rnd.nextInt(3));
                String ts = STAMP.format(t) + " mx1 postfix/";
                String qid = String.format("%010X", 0x3F1A000000L + msg);
                int pid = 2000 + rnd.nextInt(8000);
                String rcpt = "user" + rnd.nextInt(500) + "@" + DOMAINS[rnd.nextInt(DOMAINS.length)];
                String client = "mail" + rnd.nextInt(200) + ".sender.example[198.51.100." + rnd.nextInt(250) + "]";
                int roll = rnd.nextInt(100);
                if (roll < 18) {
                    String ip = "203.0.113." + rnd.nextInt(250);
                    w.write(ts + "smtpd[" + pid + "]: connect from unknown[" + ip + "]\n");
                    w.write(ts + "smtpd[" + pid + "]: NOQUEUE: reject: RCPT from unknown[" + ip + "]: 554 5.7.1 <"
                            + rcpt + ">: Relay access denied; from=<promo" + msg + "@bulk.example> to=<" + rcpt
                            + "> proto=ESMTP helo=<pc-" + rnd.nextInt(250) + ".example>\n");
                    w.write(ts + "smtpd[" + pid + "]: disconnect from unknown[" + ip
                            + "] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4\n");
                    written += 3;
                    rejections++;
                } else {
                    w.write(ts + "smtpd[" + pid + "]: connect from " + client + "\n");
                    w.write(ts + "smtpd[" + pid + "]: " + qid + ": client=" + client + "\n");
                    w.write(ts + "cleanup[" + (pid + 1) + "]: " + qid + ": message-id=<" + msg + "." + qid
                            + "@example.com>\n");
                    w.write(ts + "qmgr[1995]: " + qid + ": from=<alice" + rnd.nextInt(50)
                            + "@example.com>, size=" + (900 + rnd.nextInt(90000)) + ", nrcpt=1 (queue active)\n");
                    w.write(ts + "smtpd[" + pid + "]: disconnect from " + client
                            + " ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5\n");
                    String relay = "mx" + rnd.nextInt(3) + "." + rcpt.substring(rcpt.indexOf('@') + 1) + "[192.0.2."
                            + rnd.nextInt(250) + "]:25";
                    if (roll < 32) {
                        w.write(ts + "smtp[" + (pid + 2) + "]: " + qid + ": to=<" + rcpt + ">, relay=" + relay
                                + ", delay=2.1, delays=0.05/0.01/0.9/1.1, dsn=5.7.1, status=bounced (host "
                                + relay.substring(0, relay.length() - 3) + " said: 554 5.7.1 Service unavailable; "
                                + "Client host [192.0.2.10] blocked using Spamhaus. To request removal from this "
                                + "list see https://www.spamhaus.org/query/ip/192.0.2.10 (in reply to MAIL FROM "
                                + "command))\n");
                        w.write(ts + "bounce[" + (pid + 3) + "]: " + qid + ": sender non-delivery notification: "
                                + String.format("%010X", 0x5B0C000000L + msg) + "\n");
                        written++;
                        rejections++;
                    } else {
                        w.write(ts + "smtp[" + (pid + 2) + "]: " + qid + ": to=<" + rcpt + ">, relay=" + relay
                                + ", delay=0.4, delays=0.1/0/0.1/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued "
                                + "as " + String.format("%010X", 0x7D22000000L + msg) + ")\n");
                    }
                    w.write(ts + "qmgr[1995]: " + qid + ": removed\n");
                    written += 7;
                }
                msg++;
            }
        }
        return rejections;
    }
}

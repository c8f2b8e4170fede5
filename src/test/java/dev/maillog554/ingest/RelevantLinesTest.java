package dev.maillog554.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelevantLinesTest {

    private final RelevantLines relevant = new RelevantLines(CodeFilter.parse("554"));

    @Test
    void keepsRejectionAndSenderLinesOnly() {
        assertTrue(wanted("Mar  1 10:00:00 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[192.0.2.1]: 554 5.7.1 x"));
        assertTrue(wanted("Mar  1 10:00:00 mx postfix/qmgr[1]: 0F5383D: from=<a@b>, size=5360, nrcpt=1"));
        assertTrue(wanted("2026-03-01 10:00:00 1tXyZa-000000012ab-0A1b <= a@example.net H=x [192.0.2.1]"));
        assertTrue(wanted("554"));
        assertFalse(wanted("Mar  1 10:00:00 mx postfix/smtpd[1]: connect from x[192.0.2.1]"));
        assertFalse(wanted("55 4"));
    }

    @Test
    void aClassFilterKeepsItsReplyAndEnhancedCodesOnly() {
        RelevantLines fiveXx = new RelevantLines(CodeFilter.parse("5xx"));
        assertTrue(wanted(fiveXx, "Jan  1 00:00:01 mx1 postfix/smtp[4000]: 5D6E7F8A9B: to=<peggy@example.com>, "
                + "relay=mx.example.com[198.51.100.7]:25, status=bounced (host mx.example.com[198.51.100.7] said: "
                + "550 5.1.1 User unknown (in reply to RCPT TO command))"));
        // cleanup logs only the enhanced code
        assertTrue(wanted(fiveXx, "Nov 27 22:15:27 mx1 postfix/cleanup[3102]: 2B3C4D5E6F: milter-reject: "
                + "END-OF-MESSAGE from mail.example.net[198.51.100.30]: 5.7.1 Blocked by SpamAssassin"));
        assertFalse(wanted(fiveXx, "Mar  1 10:00:00 mx postfix/smtpd[1]: connect from x[192.0.2.1]"));
        assertFalse(wanted(fiveXx, "Mar  1 10:00:00 mx postfix/smtp[1]: 4A: to=<a@b>, status=deferred (451 4.3.0 x)"));
        assertTrue(wanted(new RelevantLines(CodeFilter.parse("4xx,5xx")), "status=deferred (451 4.3.0 x)"));
    }

    @Test
    void digitMaskIsExactForEveryByteAtEveryPosition() {
        for (int b = 0; b < 256; b++) {
            for (int pos = 0; pos < 8; pos++) {
                byte[] buf = "a5.9#x/:".getBytes(StandardCharsets.US_ASCII);
                buf[pos] = (byte) b;
                long mask = ByteScan.digits(ByteScan.word(buf, 0));
                for (int i = 0; i < 8; i++) {
                    boolean digit = buf[i] >= '0' && buf[i] <= '9';
                    assertEquals(digit, (mask >>> (8 * i + 7) & 1) == 1, "byte " + b + " at " + pos + ", bit " + i);
                }
            }
        }
    }

    // Skipping ahead by the eight-bytes-at-a-time search must keep exactly the lines, and line numbers, that a
    // plain line-by-line test keeps, at every alignment and buffer boundary, for each kind of code filter. The
    // reference is a regular expression, written independently of the needles.
    @ParameterizedTest(name = "--codes {0}")
    @CsvSource(delimiter = ';', value = {
        "554; 554",
        "'550,554'; 55[04]",
        "5xx; 5[0-9][0-9]|5\\.[0-9]",
        "'4xx,5xx'; [45][0-9][0-9]|[45]\\.[0-9]",
        "'4xx,554'; 4[0-9][0-9]|4\\.[0-9]|554",
    })
    void skippingFindsTheSameLinesAsTestingEachLine(String codes, String codeRegex) throws IOException {
        RelevantLines filter = new RelevantLines(CodeFilter.parse(codes));
        Pattern wantedLine = Pattern.compile(codeRegex + "|nrcpt=| <= ");
        LineReader.LineFilter plain = (buf, from, to) ->
                wantedLine.matcher(new String(buf, from, to - from, StandardCharsets.ISO_8859_1)).find();
        SplittableRandom rnd = new SplittableRandom(1);
        byte[] alphabet = "5540914.n<= rcpt\n\n".getBytes(StandardCharsets.US_ASCII);
        for (int n = 0; n < 3_000; n++) {
            byte[] input = new byte[rnd.nextInt(0, 400)];
            for (int i = 0; i < input.length; i++) {
                input[i] = alphabet[rnd.nextInt(alphabet.length)];
            }
            assertEquals(read(input, plain), read(input, filter), new String(input, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void findsNewlinesAtEveryAlignment() {
        byte[] buf = "abcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.US_ASCII);
        for (int nl = 0; nl < buf.length; nl++) {
            byte[] b = buf.clone();
            b[nl] = '\n';
            assertEquals(nl, ByteScan.indexOf(b, 0, b.length, (byte) '\n'));
            assertEquals(1, ByteScan.count(b, 0, b.length, (byte) '\n'));
            assertEquals(-1, ByteScan.indexOf(b, nl + 1, b.length, (byte) '\n'));
        }
    }

    private static List<String> read(byte[] input, LineReader.LineFilter filter) throws IOException {
        // A tiny stream buffer would not exercise refills, so read through a stream that returns few bytes.
        LineReader r = new LineReader(new ByteArrayInputStream(input) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 37));
            }
        }, "t", 0, 0, p -> { });
        List<String> out = new ArrayList<>();
        LogLine line;
        while ((line = r.next(filter, true)) != null) {
            out.add(line.number() + ":" + line.text());
        }
        out.add("lines=" + r.lineNumber() + " offset=" + r.offset());
        return out;
    }

    private boolean wanted(String line) {
        return wanted(relevant, line);
    }

    private static boolean wanted(RelevantLines filter, String line) {
        byte[] b = bytes(line);
        return filter.wanted(b, 0, b.length);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

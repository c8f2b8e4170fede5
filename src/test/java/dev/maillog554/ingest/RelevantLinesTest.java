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

import org.junit.jupiter.api.Test;

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

    // Skipping ahead by the eight-bytes-at-a-time search must keep exactly the lines, and line numbers, that a
    // plain line-by-line test keeps, at every alignment and buffer boundary.
    @Test
    void skippingFindsTheSameLinesAsTestingEachLine() throws IOException {
        SplittableRandom rnd = new SplittableRandom(1);
        byte[] alphabet = "54n<= rcpt\n\n".getBytes(StandardCharsets.US_ASCII);
        LineReader.LineFilter plain = (buf, from, to) -> RelevantLines.contains(buf, from, to, bytes("554"))
                || RelevantLines.contains(buf, from, to, bytes("nrcpt="))
                || RelevantLines.contains(buf, from, to, bytes(" <= "));
        for (int n = 0; n < 3_000; n++) {
            byte[] input = new byte[rnd.nextInt(0, 400)];
            for (int i = 0; i < input.length; i++) {
                input[i] = alphabet[rnd.nextInt(alphabet.length)];
            }
            assertEquals(read(input, plain), read(input, relevant), new String(input, StandardCharsets.US_ASCII));
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
        byte[] b = bytes(line);
        return relevant.wanted(b, 0, b.length);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

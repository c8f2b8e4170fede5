package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.maillog554.explain.ExplanationFields;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The explain command end to end: text, JSON, many lines, and a non-554 reply. */
@QuarkusMainTest
class ExplainCommandTest {

    @Test
    @Launch({"explain", "554 5.7.1 Service unavailable; Client host [203.0.113.9] blocked using zen.spamhaus.org"})
    void explainsABlocklistReply(LaunchResult r) {
        String out = r.getOutput();
        assertTrue(out.contains("reply code:    554"), out);
        assertTrue(out.contains("5.7.1 (Permanent failure: Delivery not authorized, message refused)"), out);
        assertTrue(out.contains("cause:         blocklisted"), out);
        assertTrue(out.contains("Spamhaus ZEN (listed: 203.0.113.9)"), out);
        assertTrue(out.contains("https://check.spamhaus.org/results/?query=203.0.113.9"), out);
        assertTrue(out.contains("dig +short 9.113.0.203.zen.spamhaus.org"), out);
    }

    @Test
    @Launch({"explain", "--json", "Jan 22 17:58:06 mx postfix/smtp[1426]: EB0DBBCE0D: to=<bob@gmail.com>, "
            + "relay=gmail-smtp-in.l.google.com[192.0.2.1]:25, dsn=5.7.26, status=bounced (host "
            + "gmail-smtp-in.l.google.com[192.0.2.1] said: 550-5.7.26 Unauthenticated email from example.net is "
            + "not accepted due to domain's \"DMARC\" policy. - gsmtp (in reply to end of DATA command))"})
    void jsonOutput(LaunchResult r) {
        List<String> lines = jsonLines(r);
        assertEquals(1, lines.size(), r.getOutput());
        String j = lines.get(0);
        assertTrue(j.startsWith("{\"reply_code\":550,"), j);
        assertTrue(j.contains("\"enhanced_code\":\"5.7.26\""), j);
        assertTrue(j.contains("\"enhanced_meaning\":\"Permanent failure: Multiple authentication checks failed\""), j);
        assertTrue(j.contains("\"category\":\"dmarc\""), j);
        assertTrue(j.contains("\"provider\":\"google\""), j);
        assertTrue(j.contains("\"blocklist\":\"\""), j);
        assertTrue(j.contains("\"tips\":[\""), j);
        assertTrue(j.endsWith("]}"), j);
    }

    @Test
    @Launch({"explain", "--json", "554 5.7.1 Service unavailable; Client host [203.0.113.9] blocked using "
            + "zen.spamhaus.org"})
    void jsonHasTheFieldsOfTheOneExplanation(LaunchResult r) throws IOException {
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(jsonLines(r).get(0)).fieldNames().forEachRemaining(names::add);
        // the same record, through Jackson, as POST /api/explain (ApiResourcesTest checks that side)
        assertEquals(ExplanationFields.withoutChecks(), names);
    }

    @Test
    @Launch({"explain", "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in local "
            + "recipient table"})
    void explainsANon554Reply(LaunchResult r) {
        assertTrue(r.getOutput().contains("cause:         unknown-recipient"), r.getOutput());
        assertTrue(r.getOutput().contains("Bad destination mailbox address"), r.getOutput());
    }

    @Test
    void readsManyLinesInOrder(QuarkusMainLauncher launcher) throws IOException {
        // System.in cannot be swapped for an app launched in-process by @QuarkusMainTest (it blocks on the real
        // stdin), so the test feeds the same line reader through --file; '-' and no option read stdin.
        String input = "552 5.2.2 Mailbox full\n\n554 5.7.1 <x@example.org>: Relay access denied\n"
                + "421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred\n";
        Path tmp = Files.createTempFile("explain", ".txt");
        try {
            Files.writeString(tmp, input, StandardCharsets.UTF_8);
            LaunchResult r = launcher.launch("explain", "--json", "--file", tmp.toString());
            assertEquals(0, r.exitCode(), r.getErrorOutput());
            List<String> lines = jsonLines(r);
            assertEquals(3, lines.size(), r.getOutput());
            assertTrue(lines.get(0).contains("\"category\":\"mailbox-full\""), lines.get(0));
            assertTrue(lines.get(1).contains("\"category\":\"relay-denied\""), lines.get(1));
            assertTrue(lines.get(2).contains("\"category\":\"ip-reputation\""), lines.get(2));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The JSON lines of the output (Quarkus' own start/stop log lines share stdout in tests). */
    private static List<String> jsonLines(LaunchResult r) {
        return r.getOutputStream().stream().filter(l -> l.startsWith("{")).toList();
    }

    @Test
    void fullPostfixOutboundLineUsesTheParser(QuarkusMainLauncher launcher) throws IOException {
        // first line of src/test/resources/fixtures/postfix/outbound.log
        String line = firstLine("postfix/outbound.log", "Relay access denied");
        LaunchResult r = launcher.launch("explain", "--json", line);
        assertEquals(0, r.exitCode(), r.getErrorOutput());
        String j = jsonLines(r).get(0);
        assertTrue(j.contains("\"category\":\"relay-denied\""), j);
        assertTrue(j.contains("\"stage\":\"RCPT\""), j);
        assertTrue(j.contains("\"direction\":\"outbound\""), j);
        assertTrue(j.contains("\"remote_host\":\"mx.example.org\""), j);
        assertTrue(j.contains("\"recipient_domain\":\"example.org\""), j);
        assertTrue(!j.contains("Inbound:"), j);
    }

    @Test
    void fullPostfixInboundLineGetsReceiverTips(QuarkusMainLauncher launcher) throws IOException {
        String line = firstLine("corpus/fail2ban-postfix.log", "Relay access denied");
        LaunchResult r = launcher.launch("explain", line);
        assertEquals(0, r.exitCode(), r.getErrorOutput());
        String out = r.getOutput();
        assertTrue(out.contains("direction:     inbound"), out);
        assertTrue(out.contains("client:        1-2-3-4-example.com"), out);
        assertTrue(out.contains("cause:         relay-denied"), out);
        assertTrue(out.contains("Inbound: your own server refused this client"), out);
        assertTrue(out.contains("port 587"), out);
    }

    @Test
    void fullEximLinesUseTheParser(QuarkusMainLauncher launcher) throws IOException {
        Path tmp = Files.createTempFile("explain", ".log");
        try {
            Files.writeString(tmp, firstLine("exim/mainlog.log", "Relay access denied") + "\n"
                    + firstLine("corpus/exim-testsuite.log", "Sender verify failed") + "\n", StandardCharsets.UTF_8);
            LaunchResult r = launcher.launch("explain", "--json", "--file", tmp.toString());
            assertEquals(0, r.exitCode(), r.getErrorOutput());
            List<String> lines = jsonLines(r);
            assertEquals(2, lines.size(), r.getOutput());
            assertTrue(lines.get(0).contains("\"direction\":\"outbound\""), lines.get(0));
            assertTrue(lines.get(0).contains("\"category\":\"relay-denied\""), lines.get(0));
            assertTrue(lines.get(0).contains("\"remote_host\":\"mx.example.org\""), lines.get(0));
            assertTrue(lines.get(1).contains("\"direction\":\"inbound\""), lines.get(1));
            assertTrue(lines.get(1).contains("\"category\":\"sender-rejected\""), lines.get(1));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Test
    @Launch({"explain", "--json", "554 5.7.1 <x@example.org>: Relay access denied"})
    void bareReplyHasNoDirection(LaunchResult r) {
        String j = jsonLines(r).get(0);
        assertTrue(j.contains("\"direction\":\"\""), j);
        assertTrue(j.contains("\"category\":\"relay-denied\""), j);
    }

    /** The first line of a test fixture that contains the marker (real lines, not hand-made ones). */
    private static String firstLine(String fixture, String marker) throws IOException {
        Path p = Path.of("src/test/resources/fixtures", fixture);
        return Files.readAllLines(p, StandardCharsets.UTF_8).stream().filter(l -> l.contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError(marker + " not in " + p));
    }
}

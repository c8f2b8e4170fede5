package dev.maillog554.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.maillog554.ingest.LogLine;
import dev.maillog554.parse.LogParser;
import dev.maillog554.parse.ParseContext;
import dev.maillog554.parse.RejectionEvent;

/**
 * A classify folder read before the shipped files, on real lines of {@code fixtures/postfix/}: a local rule wins
 * over the shipped ones, a local rule, provider, category or tip with a shipped id replaces it, and a local
 * category, blocklist and tip are used like shipped ones.
 */
class LocalRulesTest {

    static final Path LOCAL = Path.of("src", "test", "resources", "fixtures", "classify", "local");
    static final Path INBOUND = Path.of("src", "test", "resources", "fixtures", "postfix", "inbound.log");
    static final Path OUTBOUND = Path.of("src", "test", "resources", "fixtures", "postfix", "outbound.log");

    @TempDir
    Path tmp;

    /** The rejection on line {@code n} of a fixture log, as a scan parses it. */
    static RejectionEvent line(Path log, int n) throws IOException {
        String text = Files.readAllLines(log).get(n - 1);
        return new LogParser().parse(new LogLine(log.toString(), n, text),
                new ParseContext(ZoneOffset.UTC, Instant.parse("2027-01-02T00:00:00Z"))).orElseThrow();
    }

    @Test
    void aLocalRuleCategoryBlocklistAndTipDecideARealLine() throws IOException {
        // Client host [203.0.113.10] blocked using dnsbl.example.org
        RejectionEvent e = line(INBOUND, 3);
        Diagnosis shipped = Classifier.load(null).classify(e);
        assertEquals("blocklisted", shipped.category().id());
        assertEquals("generic-dnsbl", shipped.blocklist());

        Classifier local = Classifier.load(LOCAL);
        Diagnosis d = local.classify(e);
        assertEquals(new Category("own-dnsbl"), d.category());
        assertEquals("own-dnsbl", d.ruleId());
        assertEquals("own-dnsbl", d.blocklist(), "the local list is recognised before the shipped ones");
        assertEquals("203.0.113.10", d.listed());
        assertTrue(d.tips().get(0).startsWith("Inbound: your own server refused"), d.tips().toString());
        assertEquals("Delist 203.0.113.10 at https://dnsbl.example.org/ once the partner confirms.", d.tips().get(1));
        assertEquals("Our own DNSBL refused 203.0.113.10: if it is a partner, add it to /etc/postfix/dnsbl_allow "
                + "& reload <postfix>.", d.tips().get(2));
        assertEquals("Our own DNSBL (dnsbl.example.org) refused the client", local.describe(d.category()));
        assertEquals("blocked", local.sisimaiReason(d.category()));
        assertEquals(new Category("own-dnsbl"), local.categories().get(0), "local categories come first");
        assertEquals(Classifier.load(null).categories().size() + 1, local.categories().size());
        // the shipped rules still decide everything else
        assertEquals("relay-denied", local.classify(line(INBOUND, 1)).category().id());
    }

    @Test
    void aLocalRuleWithAShippedIdReplacesIt() throws IOException {
        // host mx.example.org[192.0.2.25] said: 554 5.7.1 <bob@example.org>: Relay access denied
        RejectionEvent e = line(OUTBOUND, 2);
        assertEquals("relay-text", Classifier.load(null).classify(e).ruleId());
        Files.writeString(tmp.resolve("rules.csv"), "id,category,reply,enhanced,stage,provider,text\n"
                + "relay-text,policy,*,*,*,*,relay access denied\n");
        Classifier local = Classifier.load(tmp);
        Diagnosis d = local.classify(e);
        assertEquals("policy", d.category().id());
        assertEquals("relay-text", d.ruleId());
        assertEquals(Classifier.load(null).rules().rules().size(), local.rules().rules().size(),
                "the local rule took the shipped one's place instead of adding a second relay-text");
    }

    @Test
    void localTipsReplaceOrHideShippedOnes() throws IOException {
        RejectionEvent e = line(OUTBOUND, 2);
        List<String> shipped = Classifier.load(null).classify(e).tips();
        assertTrue(shipped.get(0).startsWith("If you are the sender: authenticate"), shipped.toString());
        Files.writeString(tmp.resolve("tips.properties"), "category.relay-denied.1=Ask the helpdesk (ext. 42) "
                + "for {recipient_domain}.\ncategory.relay-denied.2=\n");
        List<String> tips = Classifier.load(tmp).classify(e).tips();
        assertEquals(List.of("Ask the helpdesk (ext. 42) for example.org."), tips);
    }

    @Test
    void aLocalProviderWithAShippedIdReplacesIt() throws IOException {
        Files.writeString(tmp.resolve("providers.csv"), "id,name,domains\ngoogle,Our Google tenant,example.org\n");
        Classifier local = Classifier.load(tmp);
        assertEquals("google", local.classify(line(OUTBOUND, 2)).provider());
        assertEquals("Our Google tenant", local.providerName("google"));
        assertEquals("", Classifier.load(null).classify(line(OUTBOUND, 2)).provider());
    }

    @Test
    void aFolderWithProblemsBuildsNoClassifier() throws IOException {
        Files.writeString(tmp.resolve("rules.csv"), "id,category,reply,enhanced,stage,provider,text\n"
                + "mine,relay-denid,*,*,*,*,relay access denied\n");
        RulesException e = assertThrows(RulesException.class, () -> Classifier.load(tmp));
        assertEquals(List.of(new RuleProblem(tmp.resolve("rules.csv").toString(), 2,
                "category 'relay-denid' is not in categories.csv")), e.problems());
    }

    @Test
    void aFolderIsReadAgainOnlyWhenAFileChanged() throws IOException {
        Files.writeString(tmp.resolve("tips.properties"), "category.relay-denied.1=First.\n");
        Classifier first = Classifier.load(tmp);
        assertSame(first, Classifier.load(tmp));
        Files.writeString(tmp.resolve("tips.properties"), "category.relay-denied.1=Second, longer.\n");
        Classifier second = Classifier.load(tmp);
        assertFalse(first == second);
        assertTrue(second.classify(line(OUTBOUND, 2)).tips().contains("Second, longer."));
    }
}

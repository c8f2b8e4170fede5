package dev.maillog554.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rules check on the shipped files (clean) and on broken copies of them placed in a classify folder: each kind of
 * problem is reported with the copy's path and the line of the break.
 */
class RulesCheckTest {

    @TempDir
    Path dir;

    @Test
    void shippedFilesAreClean() {
        RulesCheckResult r = RulesCheckResult.of(null);
        assertEquals("", String.join("\n", r.problems().stream().map(RuleProblem::toString).toList()));
        assertTrue(r.summary().startsWith("OK: " + r.rules() + " rules, 26 providers, 19 blocklists, 37 categories"),
                r.summary());
        assertTrue(r.summary().endsWith("(shipped files only)"), r.summary());
    }

    @Test
    void unchangedCopiesOfEveryShippedFileAreClean() throws IOException {
        for (String name : ClassifyData.FILES) {
            Files.writeString(dir.resolve(name), shipped(name));
        }
        RulesCheckResult r = RulesCheckResult.of(dir);
        assertEquals(List.of(), r.problems());
        assertEquals(RulesCheckResult.of(null).rules(), r.rules(), "each local rule hides the shipped one");
        assertTrue(r.summary().endsWith("(" + dir + ": rules.csv, providers.csv, blocklists.csv, categories.csv, "
                + "tips.properties, then the shipped files)"), r.summary());
    }

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiterString = " ~ ", textBlock = """
        rules.csv ~ relay-text,relay-denied, ~ relay-text,relay-denid, ~ category 'relay-denid' is not in categories.csv
        rules.csv ~ ,google,,Gmail uses 5.7.27 ~ ,gogle,,Gmail uses 5.7.27 ~ provider 'gogle' is not in providers.csv
        rules.csv ~ "relay access denied|relaying denied ~ "relay (access denied|relaying denied ~ text is not a valid regex: Unclosed group
        rules.csv ~ "relay access denied|relaying denied ~ "relay(?: ac+ess)+ denied|relaying denied ~ could backtrack catastrophically
        rules.csv ~ "relay access denied|relaying denied ~ "relay (?:\\w+ )+denied|relaying denied ~ could backtrack catastrophically
        rules.csv ~ "relay access denied|relaying denied ~ "relay access denied|relaying denied|relaying denied on this host ~ alternative 'relaying denied on this host' can never decide: 'relaying denied' in the same rule
        rules.csv ~ "relay access denied|relaying denied ~ "relay access denied|relay blacklisted here|relaying denied ~ alternative 'relay blacklisted here' can never decide: rule 'bl-zones' (line 
        rules.csv ~ reply-421,system-error,421, ~ reply-421,system-error,42, ~ reply '42': '42' is not a code pattern
        rules.csv ~ code-5.1.4,recipient-filtered,*,*.1.4, ~ code-5.1.4,recipient-filtered,*,5.1.4x, ~ enhanced '5.1.4x': '5.1.4x' is not a code pattern
        rules.csv ~ sender-stage,sender-rejected,*,*,MAIL, ~ sender-stage,sender-rejected,*,*,MAIL FROM, ~ stage 'MAIL FROM': 'MAIL FROM' is not one of CONNECT
        rules.csv ~ reply-421,system-error,421,*,*,*,, ~ reply-421,system-error,*,*,*,*,, ~ the rule matches every rejection
        rules.csv ~ reply-421,system-error,421,*,*,*,,service not available ~ reply-421,system-error,421,*,*,*,,service, not available ~ 9 fields, the header has 8
        rules.csv ~ reply-421, ~ Reply 421, ~ id 'Reply 421': use lower-case letters
        providers.csv ~ google,Google (Gmail / Workspace), ~ google,, ~ empty name
        providers.csv ~ "\\bgsmtp\\b| ~ "\\bgsmtp(\\b| ~ markers is not a valid regex
        providers.csv ~ gmail.com googlemail.com, ~ gmail.com google_mail.com, ~ domains: 'google_mail.com' is not a host or domain name
        blocklists.csv ~ ",ip,https://www.spamcop.net/w3m ~ ",net,https://www.spamcop.net/w3m ~ subject 'net': use ip or domain
        blocklists.csv ~ ,ip,https://www.spamcop.net/w3m?action=checkblock&ip={ip}, ~ ,ip,www.spamcop.net/w3m?action=checkblock&ip={ip}, ~ lookup 'www.spamcop.net/w3m?action=checkblock&ip={ip}' is not an http:// or https:// address
        blocklists.csv ~ ,ip,https://www.spamcop.net/w3m?action=checkblock&ip={ip}, ~ ,ip,https://www.spamcop.net/w3m?action=checkblock&ip={address}, ~ lookup: unknown placeholder {address}
        categories.csv ~ virus,virusdetected,no, ~ virus,virusdetected,maybe, ~ find_blocklist 'maybe': use yes or no
        categories.csv ~ virus,virusdetected,no, ~ Virus_Found,virusdetected,no, ~ id 'Virus_Found': use lower-case letters
        categories.csv ~ virus,virusdetected,no, ~ virus-found,virusdetected,no, ~ category 'virus-found' has no tip: add category.virus-found.1=
        categories.csv ~ virus,virusdetected,no, ~ virus,,no, ~ empty sisimai
        tips.properties ~ provider.google.dmarc.1= ~ provider.gogle.dmarc.1= ~ key 'provider.gogle.dmarc.1': provider 'gogle' is not in providers.csv
        tips.properties ~ provider.google.dmarc.1= ~ provider.google.dmark.1= ~ key 'provider.google.dmark.1': category 'dmark' is not in categories.csv
        tips.properties ~ rule.bl-uri.1= ~ rule.bl-url.1= ~ key 'rule.bl-url.1': rule 'bl-url' is not in rules.csv
        tips.properties ~ blocklist.spamcop.1= ~ blocklist.spamcap.1= ~ key 'blocklist.spamcap.1': blocklist 'spamcap' is not in blocklists.csv
        tips.properties ~ category.virus.1= ~ category.viruses.1= ~ key 'category.viruses.1': category 'viruses' is not in categories.csv
        tips.properties ~ category.virus.1= ~ categories.virus.1= ~ key 'categories.virus.1': unknown scope 'categories'
        tips.properties ~ category.virus.1= ~ category.virus.one= ~ key 'category.virus.one' does not end in .<number>
        tips.properties ~ category.virus.1=Scan the sending host ~ category.virus.1=Scan {sender_ip}, the sending host ~ unknown placeholder {sender_ip}
        """)
    void aBrokenCopyNamesTheFileAndLine(String file, String from, String to, String problem) throws IOException {
        String text = shipped(file);
        int at = text.indexOf(from);
        assertTrue(at >= 0 && text.indexOf(from, at + 1) < 0, "the break must be unique: " + from);
        long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        Files.writeString(dir.resolve(file), text.replace(from, to));
        assertReported(dir.resolve(file) + ":" + line + ": ", problem);
    }

    @Test
    void aRepeatedIdNamesTheSecondLine() throws IOException {
        Files.writeString(dir.resolve("rules.csv"), "id,category,reply,enhanced,stage,provider,text\n"
                + "# two rules with one id\nmine,policy,*,*,*,*,one text\nmine,policy,*,*,*,*,another text\n");
        assertReported(dir.resolve("rules.csv") + ":4: ", "id 'mine' is already used on line 3");
    }

    @Test
    void aMissingOrUnknownColumnNamesTheHeaderLine() throws IOException {
        Files.writeString(dir.resolve("providers.csv"), "# mine\n\nid,title,domains\nmine,Mine,example.org\n");
        assertReported(dir.resolve("providers.csv") + ":3: ", "missing column 'name'");
        assertReported(dir.resolve("providers.csv") + ":3: ", "unknown column 'title'");
    }

    @Test
    void anUnclosedQuoteIsReported() throws IOException {
        Files.writeString(dir.resolve("categories.csv"), "id,sisimai,description\nmine,blocked,\"no end\n");
        assertReported(dir.resolve("categories.csv") + ":2: ", "not readable as CSV");
    }

    @Test
    void anEmptyTipOnlyHidesAShippedOne() throws IOException {
        Files.writeString(dir.resolve("tips.properties"), "category.spf.2=\n# a new key with no text\n"
                + "category.spf.9=\n");
        List<String> problems = problems();
        assertEquals(List.of(dir.resolve("tips.properties") + ":3: key 'category.spf.9' has no text (an empty "
                + "value only hides a shipped tip)"), problems);
    }

    @Test
    void aKeyGivenTwiceInOneFileIsReported() throws IOException {
        Files.writeString(dir.resolve("tips.properties"), "category.virus.1=One.\ncategory.virus.1 = Two, \\\n"
                + "    continued.\ncategory.spf.1=Three.\n");
        assertReported(dir.resolve("tips.properties") + ":2: ", "key 'category.virus.1' is given twice");
    }

    @Test
    void aMissingFolderOrAMisnamedFileIsReported() throws IOException {
        assertEquals(List.of(dir.resolve("nowhere") + ": no such folder"),
                RulesCheckResult.of(dir.resolve("nowhere")).problems().stream().map(RuleProblem::toString).toList());
        Files.writeString(dir.resolve("rule.csv"), "id,category\n");
        assertEquals(List.of(dir + ": holds none of rules.csv, providers.csv, blocklists.csv, categories.csv, "
                + "tips.properties", dir.resolve("rule.csv") + ": not read: the files read are rules.csv, "
                + "providers.csv, blocklists.csv, categories.csv, tips.properties"), problems());
    }

    private void assertReported(String prefix, String problem) {
        List<String> problems = problems();
        assertFalse(problems.isEmpty(), "no problem found");
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(prefix) && p.contains(problem)),
                "expected " + prefix + "..." + problem + " in:\n" + String.join("\n", problems));
    }

    private List<String> problems() {
        return RulesCheckResult.of(dir).problems().stream().map(RuleProblem::toString).toList();
    }

    static String shipped(String name) throws IOException {
        try (InputStream in = RulesCheckTest.class.getResourceAsStream("/classify/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

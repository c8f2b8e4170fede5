package dev.maillog554;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The package layout of the README: dependencies point one way, down this list, so a reader can follow a log line
 * from {@code ingest} up to the CSV row and the stored row without meeting a cycle. Checked on every reference to
 * another package in the sources, imports and fully qualified names alike.
 */
class LayeringTest {

    /** Top first; {@code cli} and {@code api} are both entry layers and never use each other. */
    private static final List<String> LAYERS = List.of("cli", "api", "scan", "explain", "report", "check",
            "aggregate", "store", "classify", "parse", "ingest");
    private static final Path MAIN = Path.of("src", "main", "java", "dev", "maillog554");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.maillog554\\.([a-z]+)\\.");

    @Test
    void everyPackageImportsOnlyPackagesBelowIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = MAIN.relativize(f);
                if (rel.getNameCount() == 1) {
                    assertEquals("Main.java", rel.toString(), "only the entry point lives in the root package");
                    continue;
                }
                String own = rel.getName(0).toString();
                packages.add(own);
                Matcher m = REFERENCE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(own) && !below(own, used)) {
                        wrong.add(rel + " uses " + used);
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(LAYERS), packages, "a package the layering does not know: add it to LAYERS");
        assertEquals(List.of(), wrong);
    }

    @Test
    void theOrderItselfForbidsTheCyclesTheReadmeRulesOut() {
        assertTrue(below("aggregate", "store"), "store returns rows; aggregate makes counts of them");
        assertTrue(!below("store", "aggregate") && !below("store", "report"));
        assertTrue(!below("api", "cli") && !below("cli", "api"));
    }

    private static boolean below(String user, String used) {
        int u = LAYERS.indexOf(user);
        int d = LAYERS.indexOf(used);
        // cli and api are both on top: neither may use the other
        return u >= 0 && d >= 0 && d > u && !("cli".equals(user) && "api".equals(used));
    }
}

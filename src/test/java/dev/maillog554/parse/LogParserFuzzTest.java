package dev.maillog554.parse;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.maillog554.ingest.LogLine;

/** The parsers must never throw: every prefix of every fixture line, and random bytes, go through LogParser. */
class LogParserFuzzTest {

    @Test
    void survivesTruncatedFixtureLinesAndRandomBytes() throws IOException, URISyntaxException {
        Path root = Paths.get(LogParserFuzzTest.class.getResource("/fixtures").toURI());
        List<String> lines = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".log")).sorted().collect(Collectors.toList())) {
                lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
            }
        }
        LogParser parser = new LogParser();
        ParseContext ctx = new ParseContext(ZoneOffset.UTC, GoldenRender.REFERENCE);
        Random random = new Random(554);
        assertDoesNotThrow(() -> {
            long n = 0;
            for (String line : lines) {
                // Every 7th line is cut at every position; the rest at a few random ones, to keep the test quick.
                int step = n++ % 7 == 0 ? 1 : Math.max(1, line.length() / 5);
                for (int cut = 0; cut <= line.length(); cut += step) {
                    parser.parse(new LogLine("fuzz", n, line.substring(0, cut)), ctx);
                    parser.parse(new LogLine("fuzz", n, line.substring(cut)), ctx);
                }
            }
            for (int i = 0; i < 20_000; i++) {
                byte[] bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
                String junk = new String(bytes, StandardCharsets.ISO_8859_1);
                String seed = lines.get(random.nextInt(lines.size()));
                parser.parse(new LogLine("fuzz", i, junk), ctx);
                parser.parse(new LogLine("fuzz", i, seed.substring(0, random.nextInt(seed.length() + 1)) + junk), ctx);
            }
            String huge = "Nov 27 22:15:19 h postfix/smtp[1]: 4A1B2C3D4E: to=<" + "x".repeat(65_536);
            parser.parse(new LogLine("fuzz", 0, huge), ctx);
        });
    }
}

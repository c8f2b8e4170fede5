package dev.maillog554.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code fixtures/**}{@code /*.log} is parsed and compared, as a whole, with the {@code .expected} file
 * beside it. Run with {@code -Dgolden.update=true} to rewrite the expected files, then review the diff.
 */
class ParserGoldenTest {

    private static final String HEADER = "# Rendered by ParserGoldenTest (zone UTC, reference "
            + GoldenRender.REFERENCE + "). Regenerate: ./mvnw test -Dtest=ParserGoldenTest -Dgolden.update=true\n";

    static Stream<Path> fixtures() throws IOException, URISyntaxException {
        Path root = Paths.get(ParserGoldenTest.class.getResource("/fixtures").toURI());
        List<Path> logs;
        try (Stream<Path> walk = Files.walk(root)) {
            logs = walk.filter(p -> p.toString().endsWith(".log")).sorted().collect(Collectors.toList());
        }
        assertFalse(logs.isEmpty(), "no fixtures found");
        return logs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void rendersExpectedEvents(Path log) throws IOException {
        String actual = GoldenRender.render(GoldenRender.events(log));
        String name = log.getFileName().toString().replaceFirst("\\.log$", ".expected");
        Path expectedFile = sourceTwin(log.resolveSibling(name));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expectedFile, HEADER + actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8) : "";
        String withoutComments = expected.lines().filter(l -> !l.startsWith("#"))
                .map(l -> l + "\n").collect(Collectors.joining());
        assertEquals(withoutComments, actual, "golden mismatch for " + expectedFile);
    }

    /** Maps target/test-classes/fixtures/... back to src/test/resources/fixtures/... so updates land in git. */
    private static Path sourceTwin(Path compiled) {
        String s = compiled.toString().replace("target/test-classes/fixtures", "src/test/resources/fixtures");
        return Paths.get(s);
    }
}

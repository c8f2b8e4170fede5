package dev.maillog554.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.maillog554.ingest.CodeFilter;
import dev.maillog554.ingest.CorruptInputException;
import dev.maillog554.ingest.InputProblem;
import dev.maillog554.ingest.LineReader;
import dev.maillog554.ingest.LogInput;
import dev.maillog554.ingest.LogLine;
import dev.maillog554.ingest.LogSources;
import dev.maillog554.ingest.RelevantLines;

/**
 * The record and compression formats of {@code fixtures/inputs/}, read through the real input path
 * ({@link LogSources}, {@link LineReader}) and parsed: each {@code <name>} has a {@code <name>.expected} with the
 * events and the problems reported. Compressed inputs must give exactly what their plain text gives.
 */
class InputGoldenTest {

    private static final String HEADER = "# Rendered by InputGoldenTest (zone UTC, reference "
            + GoldenRender.REFERENCE + "). Regenerate: ./mvnw test -Dtest=InputGoldenTest -Dgolden.update=true\n";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"journal.json", "journal.export", "docker.json"})
    void recordsBecomeSyslogLines(String name) throws IOException, URISyntaxException {
        Path input = fixture("inputs/" + name);
        List<InputProblem> problems = new ArrayList<>();
        String actual = GoldenRender.render(events(input, problems, LineReaderFilter.EVERY_LINE))
                + problems.stream().map(p -> "problem=" + p.render() + "\n").collect(Collectors.joining());
        Path expectedFile = sourceTwin(input.resolveSibling(name + ".expected"));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expectedFile, HEADER + actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.readString(expectedFile, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("#")).map(l -> l + "\n").collect(Collectors.joining());
        assertEquals(expected, actual, "golden mismatch for " + expectedFile);
    }

    // The scan's byte prefilter runs on the converted lines, so a rejection inside a JSON record is still found.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"journal.json", "journal.export", "docker.json"})
    void prefilterFindsEveryRejection(String name) throws IOException, URISyntaxException {
        Path input = fixture("inputs/" + name);
        List<String> all = render554(events(input, new ArrayList<>(), LineReaderFilter.EVERY_LINE));
        RelevantLines relevant = new RelevantLines(CodeFilter.parse("554"));
        List<String> filtered = render554(events(input, new ArrayList<>(), relevant));
        assertEquals(all, filtered);
    }

    @Test
    void bzip2AndXzReadLikeTheirText() throws IOException, URISyntaxException {
        for (String plain : List.of("postfix/outbound.log", "postfix/inbound.log", "exim/mainlog.log")) {
            Path text = fixture(plain);
            String expected = GoldenRender.render(events(text, new ArrayList<>(), LineReaderFilter.EVERY_LINE));
            byte[] bytes = Files.readAllBytes(text);
            Path bz2 = tmp.resolve("mail.log.2.bz2");
            try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(bz2))) {
                out.write(bytes);
            }
            Path xz = tmp.resolve("mail.log.3.xz");
            try (OutputStream out = new XZCompressorOutputStream(Files.newOutputStream(xz))) {
                out.write(bytes);
            }
            for (Path compressed : List.of(bz2, xz)) {
                List<InputProblem> problems = new ArrayList<>();
                String actual = GoldenRender.render(events(compressed, problems, LineReaderFilter.EVERY_LINE));
                assertEquals(expected.replace(text.getFileName().toString(), compressed.getFileName().toString()),
                        actual, plain + " as " + compressed.getFileName());
                assertEquals(List.of(), problems);
            }
        }
    }

    // outbound.log.zst was written by the zstd CLI (see fixtures/inputs/README.md): a real frame, checksum included.
    @Test
    void zstdReadsLikeItsText() throws IOException, URISyntaxException {
        String expected = GoldenRender.render(events(fixture("postfix/outbound.log"), new ArrayList<>(),
                LineReaderFilter.EVERY_LINE));
        List<InputProblem> problems = new ArrayList<>();
        String actual = GoldenRender.render(events(fixture("inputs/outbound.log.zst"), problems,
                LineReaderFilter.EVERY_LINE));
        assertEquals(expected, actual);
        assertEquals(List.of(), problems);
    }

    // bzip2 and zstd decode whole blocks (up to 900 KiB and 128 KiB), so a small file cut short may fail as it is
    // opened: either way the one message names the format and the tool that checks it.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bz2", "xz", "zst"})
    void truncatedCompressedFileIsReported(String kind) throws IOException, URISyntaxException {
        byte[] whole = compress(kind, Files.readAllBytes(fixture("postfix/outbound.log")));
        Path cut = tmp.resolve("mail.log.1." + kind);
        Files.write(cut, Arrays.copyOf(whole, whole.length * 2 / 3));
        IOException failure = assertThrows(IOException.class, () -> events(cut, new ArrayList<>(),
                LineReaderFilter.EVERY_LINE));
        String tool = kind.equals("bz2") ? "bzip2" : kind.equals("zst") ? "zstd" : "xz";
        assertInstanceOf(CorruptInputException.class, failure);
        assertTrue(failure.getMessage().endsWith("the lines before were read; check the file with " + tool + " -t"),
                failure.getMessage());
    }

    private byte[] compress(String kind, byte[] bytes) throws IOException, URISyntaxException {
        if (kind.equals("zst")) {
            return Files.readAllBytes(fixture("inputs/outbound.log.zst"));
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (OutputStream out = kind.equals("bz2") ? new BZip2CompressorOutputStream(buf)
                : new XZCompressorOutputStream(buf)) {
            out.write(bytes);
        }
        return buf.toByteArray();
    }

    private static List<String> render554(List<RejectionEvent> events) {
        return events.stream().filter(e -> e.replyCode() == 554)
                .map(e -> GoldenRender.render(List.of(e))).toList();
    }

    static List<RejectionEvent> events(Path input, List<InputProblem> problems, LineReader.LineFilter filter)
            throws IOException {
        LogParser parser = new LogParser();
        ParseContext ctx = GoldenRender.context();
        List<RejectionEvent> out = new ArrayList<>();
        LogInput in = new LogInput(input.getFileName().toString(), input);
        try (InputStream stream = LogSources.open(in, "mx0", 0, problems::add)) {
            LineReader reader = new LineReader(stream, in.name(), 0, 0, problems::add);
            LogLine line;
            while ((line = reader.next(filter, true)) != null) {
                Optional<RejectionEvent> e = parser.parse(line, ctx);
                e.ifPresent(out::add);
            }
        }
        return out;
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Paths.get(InputGoldenTest.class.getResource("/fixtures/" + name).toURI());
    }

    private static Path sourceTwin(Path compiled) {
        return Paths.get(compiled.toString().replace("target/test-classes/fixtures", "src/test/resources/fixtures"));
    }

    /** Every line decoded, as while the scan is still sniffing the format. */
    private static final class LineReaderFilter {
        static final LineReader.LineFilter EVERY_LINE = (buf, from, to) -> true;
    }
}

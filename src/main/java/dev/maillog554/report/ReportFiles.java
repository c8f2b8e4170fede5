package dev.maillog554.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The report files' names, and writing them so that a reader never sees half a file. */
public final class ReportFiles {

    public static final String REJECTIONS = "rejections.csv";
    public static final String SUMMARY = "summary.csv";
    public static final String BY_CODE = "by-code.csv";
    public static final String BY_DOMAIN = "by-domain.csv";
    public static final String BY_CATEGORY = "by-category.csv";
    public static final String BY_DAY = "by-day.csv";
    public static final String BY_CLIENT = "by-client.csv";
    public static final String BY_SENDER_DOMAIN = "by-sender-domain.csv";
    public static final String HTML = "report.html";

    /** Every file a scan or report writes; nothing else in the folder is touched. */
    public static final List<String> ALL = List.of(REJECTIONS, SUMMARY, BY_CODE, BY_DOMAIN, BY_CATEGORY, BY_DAY,
            BY_CLIENT, BY_SENDER_DOMAIN, HTML);

    /** Writes content through a callback. */
    @FunctionalInterface
    public interface Body {
        /** Writes the file's content. */
        void write(Writer out) throws IOException;
    }

    private ReportFiles() {
    }

    /** Writes {@code dir/name} via a temporary file and a rename, replacing an older file of that name. */
    public static void write(Path dir, String name, Body body) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            moveInto(tmp, dir.resolve(name));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Moves a finished temporary file over its final name. */
    public static void moveInto(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

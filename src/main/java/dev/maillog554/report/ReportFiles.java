package dev.maillog554.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The report files' names, and writing them so that a reader never sees half a file, nor half a report: every
 * file is written in full under a temporary name before any of them replaces the older one.
 */
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
    /** Live check answers; written only by runs with {@code --check}, so an older one may stay beside newer reports. */
    public static final String CHECKS = "checks.csv";

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
        try (Staging s = new Staging(dir)) {
            s.write(name, body);
            s.commit();
        }
    }

    /**
     * A new empty temporary file in {@code dir} for the report file {@code name}. Not Files.createTempFile: that
     * makes the file 0600 whatever the umask, and a rename keeps the mode, so a web server could not read the
     * reports; a plain create gets the same mode as any file the user makes (0644 under umask 022, 0600 under
     * umask 077).
     */
    public static Path newTemp(Path dir, String name) throws IOException {
        while (true) {
            Path tmp = dir.resolve("." + name + Long.toUnsignedString(ThreadLocalRandom.current().nextLong())
                    + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                // another writer's name: draw again
            }
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

    /**
     * The files of one report, written under temporary names and moved into place together by {@link #commit()}.
     * Closing without commit deletes them: a report that fails half-way (a full disk) leaves the folder as it
     * was, with no temporary file to keep the disk full.
     */
    public static final class Staging implements Closeable {
        private final Path dir;
        private final Map<String, Path> staged = new LinkedHashMap<>();
        private final Set<String> dropped = new LinkedHashSet<>();

        /** Creates the folder if needed. */
        public Staging(Path dir) throws IOException {
            Files.createDirectories(dir);
            this.dir = dir;
        }

        /** The report folder. */
        public Path dir() {
            return dir;
        }

        /** Writes {@code name}'s content to a temporary file, to be moved into place by {@link #commit()}. */
        public void write(String name, Body body) throws IOException {
            Path tmp = newTemp(dir, name);
            adopt(name, tmp);
            try (OutputStream os = Files.newOutputStream(tmp);
                 Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8))) {
                body.write(w);
            }
        }

        /** Takes over a finished temporary file written elsewhere (rejections.csv); it is deleted or moved here. */
        public void adopt(String name, Path tmp) throws IOException {
            Path old = staged.put(name, tmp);
            if (old != null) {
                Files.deleteIfExists(old);
            }
        }

        /** Deletes an older file of this name at {@link #commit()}: a report that leaves it out this time. */
        public void drop(String name) throws IOException {
            Path old = staged.remove(name);
            if (old != null) {
                Files.deleteIfExists(old);
            }
            dropped.add(name);
        }

        /** Moves every staged file over its final name, and deletes the dropped ones. */
        public void commit() throws IOException {
            // Renames within one folder need no space, so once every file is written this cannot fail half-way
            // for want of disk; a folder in the way of a name would, so that is checked before any rename.
            for (String name : staged.keySet()) {
                if (Files.isDirectory(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(dir.resolve(name).toString(), null,
                            "a folder is in the way of the report file");
                }
            }
            for (Map.Entry<String, Path> e : new ArrayList<>(staged.entrySet())) {
                moveInto(e.getValue(), dir.resolve(e.getKey()));
                staged.remove(e.getKey());
            }
            for (String name : dropped) {
                Path old = dir.resolve(name);
                if (!Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(old);
                }
            }
            dropped.clear();
        }

        /** Deletes what was not committed. */
        @Override
        public void close() throws IOException {
            IOException first = null;
            for (Path tmp : staged.values()) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            staged.clear();
            if (first != null) {
                throw first;
            }
        }
    }
}

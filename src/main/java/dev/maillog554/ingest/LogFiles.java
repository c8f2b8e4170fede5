package dev.maillog554.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * What an incremental scan needs to recognise a log file again after logrotate renamed, gzipped or truncated
 * it: the file's identity on disk, its size, and a fingerprint of its content's first line.
 */
public final class LogFiles {

    /** At most this many leading bytes are hashed, when the first line is longer still. */
    public static final int FINGERPRINT_BYTES = 4096;

    /**
     * One file's state on disk.
     *
     * @param identity    {@code device:inode}, else the JVM's file key, else empty
     * @param size        size on disk (compressed size for compressed files)
     * @param fingerprint hash of the first line of the decompressed content (newline included; for journal and
     *                    Docker records the raw first record, which names its cursor or time), or of its first
     *                    {@link #FINGERPRINT_BYTES} bytes; null while the file has no complete first line yet
     * @param transformed whether the content is compressed or converted from records (journal, Docker), so that
     *                    offsets count the lines' bytes, not the file's, and a resumed read starts from the top
     */
    public record FileState(String identity, long size, String fingerprint, boolean transformed) {
    }

    private LogFiles() {
    }

    /** Reads a file's state; the fingerprint costs one small read (and a little decompression). */
    public static FileState state(Path p) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class);
        boolean transformed = LogSources.transformed(p);
        String fp;
        try (InputStream in = LogSources.openHead(LogInput.file(p))) {
            fp = fingerprint(in);
        } catch (IOException e) {
            // Damaged compressed data: no fingerprint, so the file is read from the top and the damage reported there.
            fp = null;
        }
        return new FileState(identity(p, attrs), attrs.size(), fp, transformed);
    }

    /** The fingerprint of a stream's first line, or null when it has no complete first line yet. */
    static String fingerprint(InputStream in) throws IOException {
        byte[] head = in.readNBytes(FINGERPRINT_BYTES);
        int len = -1;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n') {
                len = i + 1;
                break;
            }
        }
        if (len < 0 && head.length == FINGERPRINT_BYTES) {
            len = FINGERPRINT_BYTES;
        }
        if (len < 0) {
            return null;
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(head, 0, len);
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    // The unix view is there on Linux and macOS JVMs (and native images); elsewhere the file key, if any.
    static String identity(Path p, BasicFileAttributes attrs) {
        try {
            Map<String, Object> unix = Files.readAttributes(p, "unix:dev,ino");
            return unix.get("dev") + ":" + unix.get("ino");
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            Object key = attrs.fileKey();
            return key == null ? "" : key.toString();
        }
    }
}

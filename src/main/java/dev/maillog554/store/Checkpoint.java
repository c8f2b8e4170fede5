package dev.maillog554.store;

/**
 * How far one log file has been read.
 *
 * @param host        the server whose logs these are
 * @param fingerprint hash of the file's first line (decompressed), which survives renames and gzip
 * @param identity    {@code device:inode} (or the JVM's file key) when it was read, for diagnostics
 * @param path        the path it was read under
 * @param size        its size on disk then
 * @param offset      decompressed byte offset just past the last complete line read
 * @param lineNo      number of lines before that offset
 */
public record Checkpoint(String host, String fingerprint, String identity, String path, long size, long offset,
                         long lineNo) {
}

package dev.maillog554.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report files are replaced all together or not at all, leave no temporary file, and follow the umask. */
class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void reportFilesGetTheModeOfAnyNewFile() throws IOException {
        // A file made the plain way gets 0666 minus the umask; the reports must get the same (not 0600).
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        ReportFiles.write(dir, ReportFiles.SUMMARY, w -> w.write("x\n"));
        try (RejectionCsv csv = new RejectionCsv(dir, Redactor.NONE)) {
            csv.commit();
        }
        assertEquals(expected, Files.getPosixFilePermissions(dir.resolve(ReportFiles.SUMMARY)));
        assertEquals(expected, Files.getPosixFilePermissions(dir.resolve(ReportFiles.REJECTIONS)));
    }

    @Test
    void aWriteFailureHalfWayLeavesTheOldReportAndNoTemporaryFile() throws IOException {
        ReportFiles.write(dir, ReportFiles.SUMMARY, w -> w.write("old summary\n"));
        ReportFiles.write(dir, ReportFiles.HTML, w -> w.write("old page\n"));
        // The failure a full disk gives, injected while the second file is being written.
        IOException full = assertThrows(IOException.class, () -> {
            try (ReportFiles.Staging s = new ReportFiles.Staging(dir);
                 RejectionCsv csv = new RejectionCsv(dir, Redactor.NONE)) {
                csv.stage(s, List.of());
                s.write(ReportFiles.SUMMARY, w -> w.write("new summary\n"));
                s.write(ReportFiles.HTML, w -> {
                    w.write("half a pa");
                    throw new IOException("No space left on device");
                });
                s.commit();
            }
        });
        assertEquals("No space left on device", full.getMessage());
        assertEquals("old summary\n", Files.readString(dir.resolve(ReportFiles.SUMMARY)));
        assertEquals("old page\n", Files.readString(dir.resolve(ReportFiles.HTML)));
        assertEquals(List.of(ReportFiles.HTML, ReportFiles.SUMMARY), names());
    }

    @Test
    void anUnfinishedRejectionFileIsDeleted() throws IOException {
        try (RejectionCsv csv = new RejectionCsv(dir, Redactor.NONE)) {
            assertEquals(1, names().size(), "the temporary file exists while the scan runs");
        }
        assertEquals(List.of(), names());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}

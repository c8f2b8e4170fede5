package dev.maillog554.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.maillog554.classify.Rejection;

class CsvReportTest {

    @TempDir
    Path dir;

    @Test
    void safeNeutralisesFormulaStarts() {
        assertEquals("'=1+2", CsvCells.safe("=1+2"));
        assertEquals("'+1", CsvCells.safe("+1"));
        assertEquals("'-1", CsvCells.safe("-1"));
        assertEquals("'@SUM(A1)", CsvCells.safe("@SUM(A1)"));
        assertEquals("x", CsvCells.safe("\tx"), "a control character is dropped");
        assertEquals("'=1+2", CsvCells.safe("\t\r=1+2"), "and the formula under it neutralised");
        assertEquals("gnp.exe", CsvCells.safe("\u202egnp.exe"), "a bidi override is dropped");
        assertEquals("plain", CsvCells.safe("plain"));
        assertEquals("", CsvCells.safe(null));
    }

    @Test
    void noCsvCellStartsWithAFormulaCharacter() throws IOException {
        writeAll(Redactor.NONE);
        for (String name : new String[] {ReportFiles.REJECTIONS, ReportFiles.SUMMARY, ReportFiles.BY_CODE,
            ReportFiles.BY_DOMAIN, ReportFiles.BY_CATEGORY, ReportFiles.BY_DAY}) {
            String csv = Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
            for (String line : csv.split("\n")) {
                for (String cell : line.split(",")) {
                    String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                    assertFalse(c.startsWith("=") || c.startsWith("+") || c.startsWith("@"),
                            name + ": formula cell in " + line);
                }
            }
        }
        String rejections = Files.readString(dir.resolve(ReportFiles.REJECTIONS), StandardCharsets.UTF_8);
        assertTrue(rejections.contains("'=HYPERLINK"), rejections);
    }

    @Test
    void redactionHidesLocalPartsInEveryCsv() throws IOException {
        writeAll(Redactor.of(true));
        for (String name : new String[] {ReportFiles.REJECTIONS, ReportFiles.SUMMARY, ReportFiles.BY_CODE,
            ReportFiles.BY_DOMAIN, ReportFiles.BY_CATEGORY, ReportFiles.BY_DAY}) {
            String csv = Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
            for (String local : new String[] {"bob@", "carol@", "alice.sender@", "grace@"}) {
                assertFalse(csv.contains(local), name + " leaks " + local);
            }
        }
        String rejections = Files.readString(dir.resolve(ReportFiles.REJECTIONS), StandardCharsets.UTF_8);
        assertTrue(rejections.contains(Redactor.of(true).address("bob@example.org")), rejections);
    }

    private void writeAll(Redactor redactor) throws IOException {
        try (RejectionCsv csv = new RejectionCsv(dir, redactor)) {
            for (Rejection r : SampleCounts.rejections()) {
                csv.write(r);
            }
            csv.commit();
        }
        CsvReport.write(dir, SampleCounts.counts(), redactor);
    }
}

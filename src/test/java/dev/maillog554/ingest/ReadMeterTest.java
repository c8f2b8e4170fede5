package dev.maillog554.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadMeterTest {

    @TempDir
    Path tmp;

    @Test
    void countsTheBytesOfTheFileAsStoredNotAsDecompressed() throws IOException {
        Path gz = tmp.resolve("mail.log.1.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            for (int i = 0; i < 2000; i++) {
                out.write(("Nov 27 22:15:19 mx1 postfix/smtpd[1]: line " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        ReadMeter meter = new ReadMeter();
        try (InputStream in = LogSources.open(LogInput.file(gz), "mx1", 0, p -> { }, meter)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        assertEquals(Files.size(gz), meter.read());
    }

    @Test
    void countsSkippedBytesAndNothingForTheSharedNone() throws IOException {
        ReadMeter meter = new ReadMeter();
        try (InputStream in = meter.counting(InputStream.nullInputStream())) {
            assertEquals(-1, in.read());
        }
        meter.add(100);
        assertEquals(100, meter.read());
        ReadMeter.NONE.add(100);
        assertEquals(0, ReadMeter.NONE.read());
    }
}

package dev.maillog554.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void saysHowMuchOfWhatAtWhichRateAndHowLongIsLeft() {
        long gib = 1L << 30;
        assertEquals("read 1.0 GiB of 4.0 GiB (25%) at 102.4 MiB/s, about 0:30 left",
                ProgressLine.render(gib, 4 * gib, 10));
        assertEquals("read 4.0 GiB of 4.0 GiB (100%) at 409.6 MiB/s", ProgressLine.render(4 * gib, 4 * gib, 10));
        assertEquals("read 512 B of 2.0 KiB (25%) at 0 B/s", ProgressLine.render(512, 2048, 0));
    }

    @Test
    void withoutATotalSaysOnlyWhatWasRead() {
        assertEquals("read 3.0 MiB at 1.5 MiB/s", ProgressLine.render(3L << 20, -1, 2));
    }
}

package dev.maillog554.ingest;

import java.io.EOFException;
import java.io.IOException;

/** A bzip2, xz or zstd stream that could not be decoded to its end; the message is the whole problem text. */
public final class CorruptInputException extends IOException {

    private static final long serialVersionUID = 1L;

    CorruptInputException(String tool, Exception cause) {
        super((cause instanceof EOFException ? "truncated " + tool + " file"
                : "corrupt " + tool + " data (" + cause.getMessage() + ")")
                + ": the lines before were read; check the file with " + tool + " -t", cause);
    }
}

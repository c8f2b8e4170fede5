package dev.maillog554.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import io.airlift.compress.zstd.ZstdInputStream;

/**
 * The compressions a rotated log may carry (logrotate's {@code compresscmd}), told apart by their magic bytes
 * rather than the file name, since {@code -} and renamed files have no trustworthy extension.
 */
enum Compression {
    NONE("", new int[0]),
    GZIP("gzip", new int[] {0x1f, 0x8b}),
    // "BZh" plus the block size digit 1-9, checked in matches()
    BZIP2("bzip2", new int[] {'B', 'Z', 'h'}),
    XZ("xz", new int[] {0xfd, '7', 'z', 'X', 'Z', 0x00}),
    ZSTD("zstd", new int[] {0x28, 0xb5, 0x2f, 0xfd});

    private static final int BUFFER = 1 << 16;
    private static final int LONGEST_MAGIC = 6;

    /** The format's name, which is also its command line tool ({@code gzip -t}, {@code xz -t}, ...). */
    final String tool;
    private final int[] magic;

    Compression(String tool, int[] magic) {
        this.tool = tool;
        this.magic = magic;
    }

    /** The compression of the stream's content; the stream is left where it was. */
    static Compression of(BufferedInputStream in) throws IOException {
        in.mark(LONGEST_MAGIC + 1);
        byte[] head = in.readNBytes(LONGEST_MAGIC + 1);
        in.reset();
        for (Compression c : values()) {
            if (c != NONE && c.matches(head)) {
                return c;
            }
        }
        return NONE;
    }

    private boolean matches(byte[] head) {
        if (head.length < magic.length + (this == BZIP2 ? 1 : 0)) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return this != BZIP2 || head[3] >= '1' && head[3] <= '9';
    }

    /**
     * The decompressed content. All formats read concatenated streams to the end (as {@code zcat} does). gzip keeps
     * the JDK's {@link GZIPInputStream}, whose exceptions the scan already reports; the others report a read
     * failure as a {@link CorruptInputException} that names the format.
     */
    InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, BUFFER);
            case BZIP2 -> new Checked(this, () -> new BZip2CompressorInputStream(in, true));
            case XZ -> new Checked(this, () -> new XZCompressorInputStream(in, true));
            // aircompressor's pure-Java decoder: Commons Compress's zstd needs the native zstd-jni library.
            case ZSTD -> new Checked(this, () -> new ZstdInputStream(in));
        };
    }

    /** Opens a decompressor, which may already read (and fail on) the first header. */
    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * Turns every failure of a decoder into one {@link CorruptInputException}: aircompressor throws unchecked
     * exceptions on bad data, which would otherwise end the whole scan instead of this one input.
     */
    private static final class Checked extends FilterInputStream {
        private final Compression kind;

        Checked(Compression kind, Opener opener) throws IOException {
            super(open(kind, opener));
            this.kind = kind;
        }

        private static InputStream open(Compression kind, Opener opener) throws IOException {
            try {
                return opener.open();
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new CorruptInputException(kind.tool, e);
            }
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new CorruptInputException(kind.tool, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new CorruptInputException(kind.tool, e);
            }
        }
    }
}

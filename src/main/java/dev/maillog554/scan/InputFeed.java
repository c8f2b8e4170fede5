package dev.maillog554.scan;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

import dev.maillog554.ingest.InputProblem;
import dev.maillog554.store.Checkpoint;
import dev.maillog554.store.KeyedRejection;

/**
 * What one input's reader thread hands to the scan's single writer, in the order it read it.
 *
 * <p>The writer drains the feeds one input after the other, so dedupe, aggregates, {@code rejections.csv}
 * and the database see exactly the sequence a one-thread scan would, while the inputs are read, parsed and
 * classified in parallel. The queue is bounded: a reader that gets ahead of the writer waits, so memory does
 * not grow with the input.
 */
final class InputFeed {

    /** Batches (plus problems) a reader may be ahead of the writer. */
    static final int CAPACITY = 4;

    /** One item of the feed. */
    sealed interface Item permits Batch, Problem, Done, Failed {
    }

    /** Rejections found, not yet deduplicated across inputs, and where the file has been read up to. */
    record Batch(List<KeyedRejection> rejections, Checkpoint checkpoint) implements Item {
    }

    /** A problem with the input, for stderr. */
    record Problem(InputProblem problem) implements Item {
    }

    /** The last item of a feed that was read (possibly with problems). */
    record Done(long lines, boolean recognised) implements Item {
    }

    /** The reader failed unexpectedly: the writer rethrows. */
    record Failed(RuntimeException error) implements Item {
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(CAPACITY);

    /** Waits for room; a cancelled scan (the writer gave up) interrupts the reader, which ends here. */
    void put(Item item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("scan cancelled");
        }
    }

    Item take() throws InterruptedException {
        return queue.take();
    }
}

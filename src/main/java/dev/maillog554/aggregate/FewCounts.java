package dev.maillog554.aggregate;

import java.util.Arrays;

/**
 * Counts per label for the few labels one group sees (its causes, providers or blocklists: usually one or two),
 * in two small arrays instead of a {@code HashMap}: a report can have hundreds of thousands of (code, domain)
 * groups, and three maps each made every group several times larger than its counts. Not thread-safe.
 */
final class FewCounts {

    private String[] labels = new String[1];
    private long[] counts = new long[1];
    private int size;

    void add(String label, long n) {
        for (int i = 0; i < size; i++) {
            if (labels[i].equals(label)) {
                counts[i] += n;
                return;
            }
        }
        if (size == labels.length) {
            labels = Arrays.copyOf(labels, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        labels[size] = label;
        counts[size++] = n;
    }

    void addAll(FewCounts other) {
        for (int i = 0; i < other.size; i++) {
            add(other.labels[i], other.counts[i]);
        }
    }

    /** The most counted non-empty label; ties go to the label first in alphabetical order; "" when none. */
    String top() {
        String best = "";
        long bestCount = 0;
        for (int i = 0; i < size; i++) {
            String l = labels[i];
            if (!l.isEmpty() && (counts[i] > bestCount || counts[i] == bestCount && l.compareTo(best) < 0)) {
                best = l;
                bestCount = counts[i];
            }
        }
        return best;
    }
}

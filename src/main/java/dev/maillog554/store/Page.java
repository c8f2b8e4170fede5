package dev.maillog554.store;

import java.util.List;

/**
 * One page of a longer result.
 *
 * @param items the rows of this page
 * @param page  0-based page number
 * @param size  page size asked for
 * @param total rows in the whole result
 * @param <T>   row type
 */
public record Page<T>(List<T> items, int page, int size, long total) {
}

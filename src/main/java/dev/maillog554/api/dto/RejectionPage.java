package dev.maillog554.api.dto;

import java.util.List;

/** One page of rejections: {@code page} is 0-based, {@code total} counts the whole filtered result. */
public record RejectionPage(int page, int size, long total, List<RejectionItem> items) {
}

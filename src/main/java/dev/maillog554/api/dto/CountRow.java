package dev.maillog554.api.dto;

/** How many rejections share one value of the grouped field. */
public record CountRow(String key, long count) {
}

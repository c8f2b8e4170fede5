package dev.maillog554.store;

/**
 * How many rejections a run found with one direction, cause and code, over every recipient domain.
 *
 * @param replyCode 0 when the lines showed only an enhanced code
 */
public record RunCount(String direction, String category, int replyCode, String enhancedCode, long count) {
}

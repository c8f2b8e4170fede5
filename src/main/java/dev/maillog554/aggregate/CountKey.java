package dev.maillog554.aggregate;

import dev.maillog554.parse.Direction;

/**
 * A report grouping's key. The summary groups by all five fields, so that each of its rows has one cause and an
 * example of that cause; by code and by domain leave the others empty (direction and category null).
 */
public record CountKey(int replyCode, String enhancedCode, String recipientDomain, Direction direction,
                       String category) {
}

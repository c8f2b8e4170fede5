package dev.maillog554.aggregate;

import dev.maillog554.parse.Direction;

/** The summary's grouping: reply code, enhanced code, recipient domain and direction. */
public record CountKey(int replyCode, String enhancedCode, String recipientDomain, Direction direction) {
}

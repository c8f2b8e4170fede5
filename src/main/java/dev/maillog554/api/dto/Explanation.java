package dev.maillog554.api.dto;

import java.util.List;

/**
 * Why a reply was a rejection and what to do.
 *
 * @param replyCode       basic code, or null when the text has none
 * @param enhancedCode    enhanced status code, or empty
 * @param enhancedMeaning what RFC 3463 says the enhanced code means, or empty
 * @param category        cause id
 * @param provider        receiving provider id, or empty
 * @param blocklist       blocklist id, or empty
 * @param tips            what to do, most specific first
 */
public record Explanation(Integer replyCode, String enhancedCode, String enhancedMeaning, String category,
                          String provider, String blocklist, List<String> tips) {
}

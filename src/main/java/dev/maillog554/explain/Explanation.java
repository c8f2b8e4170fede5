package dev.maillog554.explain;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Why a reply or log line is a rejection and what to do: what {@code explain --json} prints, one object per
 * line, and what {@code POST /api/explain} answers, both serialised by Jackson with snake_case names.
 *
 * @param replyCode       basic code, or null when the text has none
 * @param enhancedCode    enhanced status code, or empty
 * @param enhancedMeaning what RFC 3463 and the IANA registry say the enhanced code means, or empty
 * @param category        cause id
 * @param description     what the cause means
 * @param rule            id of the rule that decided the cause, or empty when a code fallback did
 * @param provider        receiving provider id, or empty
 * @param providerName    its name, or empty
 * @param stage           SMTP stage of the refusal, or empty
 * @param direction       {@code outbound} or {@code inbound} for a whole log line, empty for a bare reply
 * @param remoteHost      the other side (remote server or refused client), or empty
 * @param recipientDomain recipient domain, or empty
 * @param blocklist       blocklist id, or empty
 * @param blocklistName   its name, or empty
 * @param listed          what the reply says is listed (an IP or domain), or empty
 * @param lookupUrl       where to look the listing up, or empty
 * @param delistUrl       where to ask for delisting, or empty
 * @param tips            what to do, most specific first
 */
// The CLI serialises it with Jackson itself (REST return types are registered by RESTEasy, not this use).
@RegisterForReflection
public record Explanation(Integer replyCode, String enhancedCode, String enhancedMeaning, String category,
                          String description, String rule, String provider, String providerName, String stage,
                          String direction, String remoteHost, String recipientDomain, String blocklist,
                          String blocklistName, String listed, String lookupUrl, String delistUrl,
                          List<String> tips) {
}

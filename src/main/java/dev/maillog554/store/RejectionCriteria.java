package dev.maillog554.store;

/**
 * The history filter plus the finer filters of the rejection list; every extra field is optional (null).
 *
 * @param history      time, host and direction
 * @param domain       only this recipient domain
 * @param category     only this cause id
 * @param replyCode    only this basic reply code
 * @param enhancedCode only this enhanced status code
 */
public record RejectionCriteria(HistoryFilter history, String domain, String category, Integer replyCode,
                                String enhancedCode) {
}

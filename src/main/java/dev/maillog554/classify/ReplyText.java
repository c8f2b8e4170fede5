package dev.maillog554.classify;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls the reply code, enhanced code, relay host, recipient domain and SMTP stage out of any pasted text: a full
 * Postfix or Exim log line, a bounce's diagnostic line, or a bare reply.
 *
 * @param replyCode       first basic reply code (4xx/5xx, or 2xx when nothing else), 0 when none
 * @param enhancedCode    the enhanced code that follows it (or any enhanced code, or Postfix {@code dsn=}), or empty
 * @param text            the reply text from the reply code on, or the whole input when there is no code
 * @param remoteHost      the host that answered ({@code relay=}, {@code host X[ip] said}, Exim {@code H=}), or empty
 * @param recipientDomain domain of {@code to=<...>} or of the Exim recipient, or empty
 * @param stage           CONNECT, HELO, MAIL, RCPT, DATA, or empty
 */
public record ReplyText(int replyCode, String enhancedCode, String text, String remoteHost, String recipientDomain,
                        String stage) {

    // "... said: 554 5.7.1 ..." / "554-5.7.1 ..." / "550 #5.1.0 ..." (first reply code followed by space or dash)
    private static final Pattern REPLY = Pattern.compile("(?<![\\w.#=/-])([245]\\d\\d)[ -]");
    private static final Pattern ENHANCED = Pattern.compile("(?<![\\w.])#?([245]\\.\\d{1,3}\\.\\d{1,3})(?![\\w.])");
    // Postfix: dsn=5.7.1
    private static final Pattern DSN = Pattern.compile("\\bdsn=([245]\\.\\d{1,3}\\.\\d{1,3})");
    // Postfix: relay=mx.example.com[192.0.2.1]:25 / host mx.example.com[192.0.2.1] said
    private static final Pattern RELAY = Pattern.compile(
            "(?:\\brelay=|\\bhost |\\bH=)([a-z0-9][a-z0-9.-]{0,250})\\s?\\[", Pattern.CASE_INSENSITIVE);
    // Postfix: to=<bob@example.org> / Exim: ** bob@example.org / RCPT TO:<bob@example.org>
    private static final Pattern RCPT = Pattern.compile(
            "(?:\\bto=<|\\*\\* |rcpt to:\\s?<|\\brcpt <)[^@>\\s]{1,256}@([a-z0-9.-]{1,253})", Pattern.CASE_INSENSITIVE);
    private static final Pattern STAGE_DATA = Pattern.compile(
            "in reply to end of data|in reply to data command|after end of data|after data|final data"
                    + "|\\breject: (?:end-of-message|data)\\b|milter-reject: end-of-message", Pattern.CASE_INSENSITIVE);
    private static final Pattern STAGE_RCPT = Pattern.compile(
            "in reply to rcpt to|after (?:pipelined )?rcpt to|reject: rcpt from|rejected rcpt|our rcpt to",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STAGE_MAIL = Pattern.compile(
            "in reply to mail from|after (?:pipelined )?mail from|reject: mail from|rejected mail|sender was rejected",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STAGE_HELO = Pattern.compile(
            "in reply to (?:helo|ehlo)|after (?:helo|ehlo)|reject: (?:helo|ehlo) from|rejected (?:ehlo|helo)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STAGE_CONNECT = Pattern.compile(
            "refused to talk to me|after initial connection|reject: connect from|rejected connection"
                    + "|receiving the initial server greeting", Pattern.CASE_INSENSITIVE);

    /** Cap on what is scanned: replies are short; the cap keeps regex cost flat on hostile input. */
    static final int MAX_TEXT = 4096;

    /** Extracts what it can from one line; never throws. */
    public static ReplyText parse(String line) {
        String s = normalise(line);
        Codes c = codes(s);
        return new ReplyText(c.replyCode(), c.enhancedCode(), c.text(), remoteHost(s), recipientDomain(s), stage(s));
    }

    /**
     * The reply and enhanced codes of normalised text (see {@link #parse}), and the text from the reply code on.
     * The classifier calls this, {@link #remoteHost} and {@link #stage} separately, and only for what the parser
     * did not already find: each is a regex search over the whole reply, run for every rejection of a scan.
     */
    static Codes codes(String s) {
        int reply = 0;
        String enhanced = "";
        String text = s;
        Matcher m = REPLY.matcher(s);
        int from = -1;
        while (m.find()) {
            int code = Integer.parseInt(m.group(1));
            if (code >= 400 || reply == 0) {
                reply = code;
                from = m.start(1);
                if (code >= 400) {
                    break;
                }
            }
        }
        if (from >= 0) {
            text = s.substring(from);
        }
        Matcher e = ENHANCED.matcher(text);
        if (e.find() && (reply == 0 || e.group(1).charAt(0) == Integer.toString(reply).charAt(0))) {
            enhanced = e.group(1);
        } else {
            Matcher d = DSN.matcher(s);
            Matcher any = ENHANCED.matcher(s);
            if (d.find()) {
                enhanced = d.group(1);
            } else if (reply == 0 && any.find()) {
                enhanced = any.group(1);
            }
        }
        return new Codes(reply, enhanced, text);
    }

    /** Reply code, enhanced code and text as {@link #parse} finds them. */
    record Codes(int replyCode, String enhancedCode, String text) {
    }

    /** The host that answered, lower case, or empty; {@code s} is normalised. */
    static String remoteHost(String s) {
        Matcher r = RELAY.matcher(s);
        return r.find() ? r.group(1).toLowerCase(Locale.ROOT) : "";
    }

    private static String recipientDomain(String s) {
        Matcher rc = RCPT.matcher(s);
        return rc.find() ? rc.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /** Folds whitespace to single spaces and caps the length. */
    static String normalise(String line) {
        if (line == null) {
            return "";
        }
        String s = line.length() > MAX_TEXT * 2 ? line.substring(0, MAX_TEXT * 2) : line;
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.length() > MAX_TEXT ? b.substring(0, MAX_TEXT) : b.toString();
    }

    /** The stage named in the text, or empty. */
    static String stage(String text) {
        if (STAGE_CONNECT.matcher(text).find()) {
            return "CONNECT";
        }
        if (STAGE_DATA.matcher(text).find()) {
            return "DATA";
        }
        if (STAGE_RCPT.matcher(text).find()) {
            return "RCPT";
        }
        if (STAGE_MAIL.matcher(text).find()) {
            return "MAIL";
        }
        if (STAGE_HELO.matcher(text).find()) {
            return "HELO";
        }
        return "";
    }

    /** Maps a parser's stage name (END-OF-MESSAGE, EHLO, RCPT TO...) to the rules' stage names. */
    static String normaliseStage(String stage) {
        if (stage == null || stage.isBlank()) {
            return "";
        }
        String s = stage.trim().toUpperCase(Locale.ROOT);
        if (s.startsWith("CONNECT") || s.startsWith("INITIAL") || s.startsWith("BANNER") || s.startsWith("GREET")) {
            return "CONNECT";
        }
        if (s.startsWith("HELO") || s.startsWith("EHLO") || s.startsWith("STARTTLS")) {
            return "HELO";
        }
        if (s.startsWith("MAIL")) {
            return "MAIL";
        }
        if (s.startsWith("RCPT")) {
            return "RCPT";
        }
        if (s.contains("DATA") || s.contains("MESSAGE")) {
            return "DATA";
        }
        return "";
    }
}

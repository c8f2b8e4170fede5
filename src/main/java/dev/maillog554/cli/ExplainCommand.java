package dev.maillog554.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.maillog554.classify.BlocklistInfo;
import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.Diagnosis;
import dev.maillog554.classify.EnhancedCodes;
import dev.maillog554.classify.ReplyText;
import dev.maillog554.ingest.LogLine;
import dev.maillog554.parse.LogParser;
import dev.maillog554.parse.ParseContext;
import dev.maillog554.parse.RejectionEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Explains pasted SMTP replies or log lines: cause, provider, blocklist and what to do. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain SMTP 4xx/5xx replies or whole Postfix/Exim log lines (stdin when no text is given).")
class ExplainCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object per input line.")
    boolean json;

    @Parameters(paramLabel = "<text>", arity = "0..*",
            description = "A reply or log line; several words are joined with spaces.")
    List<String> words;

    @Option(names = {"-f", "--file"}, paramLabel = "<file>",
            description = "Read lines from this file instead of stdin ('-' means stdin).")
    String file;

    @Mixin
    ClassifyOptions classify;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!classify.ready(spec.commandLine().getErr())) {
            return ExitCodes.BAD_INPUT;
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> inputs = new ArrayList<>();
        if (words != null && !words.isEmpty()) {
            inputs.add(String.join(" ", words));
        } else {
            boolean stdin = file == null || "-".equals(file);
            try (BufferedReader r = stdin
                    ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        inputs.add(line);
                    }
                }
            } catch (IOException e) {
                spec.commandLine().getErr().println("cannot read '" + (stdin ? "-" : file) + "': " + e.getMessage()
                        + ": pass the text as argument");
                return 2;
            }
        }
        if (inputs.isEmpty()) {
            spec.commandLine().getErr().println("nothing to explain: no text given: paste a reply or log line");
            return 2;
        }
        Classifier c = Classifier.load();
        LogParser parser = new LogParser();
        // One context for all lines, so a pasted log links a Postfix queue id to its sender like a scan does.
        ParseContext ctx = new ParseContext(ZoneOffset.UTC, Instant.now());
        boolean first = true;
        long n = 0;
        for (String in : inputs) {
            Input rt = read(parser, ctx, ++n, in);
            Diagnosis d = rt.event() != null ? c.classify(rt.event())
                    : c.classify(rt.replyCode(), rt.enhancedCode(), rt.text(), rt.recipientDomain(),
                            rt.remoteHost(), rt.stage(), "");
            Optional<BlocklistInfo> bl = c.blocklist(d);
            if (json) {
                out.println(toJson(c, rt, d, bl));
            } else {
                if (!first) {
                    out.println();
                }
                printText(out, c, rt, d, bl);
            }
            first = false;
        }
        out.flush();
        return 0;
    }

    /**
     * What one input says: a full Postfix/Exim log line goes through the scan parser (stage, remote host,
     * recipient domain and direction as a scan sees them); anything else, such as a bare reply, through ReplyText.
     *
     * @param event the parsed rejection, or null for a bare reply
     */
    record Input(RejectionEvent event, int replyCode, String enhancedCode, String text, String remoteHost,
                 String recipientDomain, String stage, String direction) {
    }

    static Input read(LogParser parser, ParseContext ctx, long number, String line) {
        ReplyText rt = ReplyText.parse(line);
        Optional<RejectionEvent> parsed;
        try {
            parsed = parser.parse(new LogLine("-", number, line), ctx);
        } catch (RuntimeException e) {
            parsed = Optional.empty(); // the parser never throws by contract; a bare reply is still explainable
        }
        if (parsed.isEmpty()) {
            return new Input(null, rt.replyCode(), rt.enhancedCode(), rt.text(), rt.remoteHost(),
                    rt.recipientDomain(), rt.stage(), "");
        }
        RejectionEvent e = parsed.get();
        int code = e.replyCode() > 0 ? e.replyCode() : rt.replyCode();
        String enhanced = e.enhancedCode().isEmpty() ? rt.enhancedCode() : e.enhancedCode();
        String dom = RejectionEvent.UNKNOWN_DOMAIN.equals(e.recipientDomain()) ? "" : e.recipientDomain();
        String host = e.remoteHost().isEmpty() ? e.remoteIp() : e.remoteHost();
        return new Input(e, code, enhanced, e.message(), host, dom, e.stage(), e.direction().label());
    }

    private static void printText(PrintWriter out, Classifier c, Input rt, Diagnosis d,
                                  Optional<BlocklistInfo> bl) {
        out.println("reply code:    " + (rt.replyCode() == 0 ? "-" : rt.replyCode()));
        out.println("enhanced code: " + (rt.enhancedCode().isEmpty() ? "-"
                : rt.enhancedCode() + " (" + EnhancedCodes.meaning(rt.enhancedCode()) + ")"));
        if (!rt.direction().isEmpty()) {
            out.println("direction:     " + rt.direction() + ("inbound".equals(rt.direction())
                    ? " (your server refused a client)" : " (a remote server refused your mail)"));
        }
        if (!rt.stage().isEmpty()) {
            out.println("stage:         " + rt.stage());
        }
        if (!rt.remoteHost().isEmpty()) {
            out.println(("inbound".equals(rt.direction()) ? "client:        " : "remote host:   ") + rt.remoteHost());
        }
        out.println("cause:         " + d.category().id() + ": " + c.describe(d.category())
                + (d.ruleId().isEmpty() ? "" : " [rule " + d.ruleId() + "]"));
        out.println("provider:      " + (d.provider().isEmpty() ? "-" : c.providerName(d.provider())));
        if (bl.isPresent()) {
            BlocklistInfo b = bl.get();
            out.println("blocklist:     " + b.name() + (b.listed().isEmpty() ? "" : " (listed: " + b.listed() + ")"));
            out.println("  lookup:      " + b.lookupUrl());
            if (!b.delistUrl().isEmpty()) {
                out.println("  delist:      " + b.delistUrl());
            }
        } else {
            out.println("blocklist:     -");
        }
        out.println("what to do:");
        for (String t : d.tips()) {
            out.println("  - " + t);
        }
    }

    private static String toJson(Classifier c, Input rt, Diagnosis d, Optional<BlocklistInfo> bl) {
        StringBuilder b = new StringBuilder(512);
        b.append('{');
        b.append("\"reply_code\":").append(rt.replyCode() == 0 ? "null" : Integer.toString(rt.replyCode()));
        field(b, "enhanced_code", rt.enhancedCode());
        field(b, "enhanced_meaning", EnhancedCodes.meaning(rt.enhancedCode()));
        field(b, "category", d.category().id());
        field(b, "description", c.describe(d.category()));
        field(b, "rule", d.ruleId());
        field(b, "provider", d.provider());
        field(b, "stage", rt.stage());
        field(b, "direction", rt.direction());
        field(b, "remote_host", rt.remoteHost());
        field(b, "recipient_domain", rt.recipientDomain());
        field(b, "blocklist", d.blocklist());
        field(b, "listed", d.listed());
        field(b, "lookup_url", bl.map(BlocklistInfo::lookupUrl).orElse(""));
        field(b, "delist_url", bl.map(BlocklistInfo::delistUrl).orElse(""));
        b.append(",\"tips\":[");
        for (int i = 0; i < d.tips().size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            quote(b, d.tips().get(i));
        }
        b.append("]}");
        return b.toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append(",\"").append(name).append("\":");
        quote(b, value);
    }

    /** JSON string escaping (RFC 8259): quote, backslash and control characters. */
    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        b.append('"');
    }
}

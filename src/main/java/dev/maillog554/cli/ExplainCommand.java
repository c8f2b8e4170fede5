package dev.maillog554.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.maillog554.check.LiveChecks;
import dev.maillog554.explain.ExplainService;
import dev.maillog554.explain.Explanation;
import dev.maillog554.report.Redactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Explains pasted SMTP replies or log lines: cause, provider, blocklist and what to do. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain SMTP 4xx/5xx replies or whole Postfix/Exim log lines (stdin when no text is given).")
class ExplainCommand implements Callable<Integer>, NoHistory {

    @Option(names = "--json", description = "Print one JSON object per input line.")
    boolean json;

    @Parameters(paramLabel = "<text>", arity = "0..*",
            description = "A reply or log line; several words are joined with spaces.")
    List<String> words;

    @Option(names = {"-f", "--file"}, paramLabel = "<file>",
            description = "Read lines from this file instead of stdin ('-' means stdin).")
    String file;

    @Mixin
    CheckOptions checks;

    @Mixin
    ClassifyOptions classify;

    @Spec
    CommandSpec spec;
    @Inject
    ExplainService explainer;
    @Inject
    ObjectMapper jsonMapper;

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
        LiveChecks live = checks.create(spec.commandLine().getErr());
        ExplainService.Session session = explainer.session(Redactor.NONE);
        boolean first = true;
        for (String in : inputs) {
            Explanation e = session.explain(in, live);
            if (json) {
                try {
                    out.println(jsonMapper.writeValueAsString(e));
                } catch (JsonProcessingException ex) {
                    throw new IllegalStateException("cannot write the explanation as JSON", ex);
                }
            } else {
                if (!first) {
                    out.println();
                }
                printText(out, e);
            }
            first = false;
        }
        out.flush();
        return 0;
    }

    private static void printText(PrintWriter out, Explanation e) {
        out.println("reply code:    " + (e.replyCode() == null ? "-" : e.replyCode()));
        out.println("enhanced code: " + (e.enhancedCode().isEmpty() ? "-"
                : e.enhancedCode() + " (" + e.enhancedMeaning() + ")"));
        boolean inbound = "inbound".equals(e.direction());
        if (!e.direction().isEmpty()) {
            out.println("direction:     " + e.direction() + (inbound
                    ? " (your server refused a client)" : " (a remote server refused your mail)"));
        }
        if (!e.stage().isEmpty()) {
            out.println("stage:         " + e.stage());
        }
        if (!e.remoteHost().isEmpty()) {
            out.println((inbound ? "client:        " : "remote host:   ") + e.remoteHost());
        }
        out.println("cause:         " + e.category() + ": " + e.description()
                + (e.rule().isEmpty() ? "" : " [rule " + e.rule() + "]"));
        out.println("provider:      " + (e.provider().isEmpty() ? "-" : e.providerName()));
        if (!e.blocklist().isEmpty()) {
            out.println("blocklist:     " + e.blocklistName() + (e.listed().isEmpty() ? "" : " (listed: " + e.listed()
                    + ")"));
            out.println("  lookup:      " + e.lookupUrl());
            if (!e.delistUrl().isEmpty()) {
                out.println("  delist:      " + e.delistUrl());
            }
        } else {
            out.println("blocklist:     -");
        }
        out.println("what to do:");
        for (String t : e.tips()) {
            out.println("  - " + t);
        }
        if (e.checks() != null) {
            out.println("checked now (" + e.checks().checkedAt() + ", resolver " + e.checks().resolver() + "):");
            if (e.checks().results().isEmpty()) {
                out.println("  - nothing to check for this cause");
            }
            e.checks().results().forEach(x -> out.println("  - " + x.line()));
        }
    }
}

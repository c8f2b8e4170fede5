package dev.maillog554.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.maillog554.classify.Classifier;
import dev.maillog554.classify.ClassifyFolder;
import dev.maillog554.classify.RuleProblem;
import dev.maillog554.classify.RulesException;
import picocli.CommandLine.Option;

/**
 * {@code --classify-dir}, for the commands that classify within their own run (scan, report, explain, rules
 * check). The folder is read when the command starts, so a broken file stops it before any log is read.
 */
public class ClassifyOptions {

    @Option(names = "--classify-dir", paramLabel = "<dir>",
            description = "Folder of your own rules.csv, providers.csv, blocklists.csv, categories.csv and "
                    + "tips.properties (any of them), read before the shipped ones (default: config key "
                    + ClassifyFolder.CONFIG_KEY + ", environment variable MAILLOG554_CLASSIFY_DIR).")
    Path classifyDir;

    /** Makes this command's folder the process's (or the configured one, when none was given), and returns it. */
    Optional<Path> choose() {
        ClassifyFolder.choose(classifyDir);
        return ClassifyFolder.current();
    }

    /**
     * Chooses the folder and builds the classifier from it; false, after printing every problem as
     * {@code FILE:LINE: problem} on {@code err}, when its files have any (the command then exits with 2).
     */
    boolean ready(PrintWriter err) {
        Optional<Path> folder = choose();
        if (folder.isEmpty()) {
            return true;
        }
        try {
            Classifier.load(folder.get());
            return true;
        } catch (RulesException e) {
            print(err, e.problems());
            return false;
        }
    }

    static void print(PrintWriter err, List<RuleProblem> problems) {
        problems.forEach(p -> err.println(p.toString()));
        err.flush();
    }
}

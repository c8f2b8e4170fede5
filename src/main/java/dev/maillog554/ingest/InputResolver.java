package dev.maillog554.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the command line's inputs into the list of logs to read: files as given, {@code -} for stdin, and
 * for a directory every mail log in it (not recursive), rotated ones included, oldest first.
 */
public final class InputResolver {

    /** The inputs to read, in order, and what could not be resolved. */
    public record Resolved(List<LogInput> inputs, List<InputProblem> problems) {
    }

    // mail.log.2.gz, maillog-20261126.xz, mainlog.1, mail.log-20261126, mail.log.3.zst: a base name plus rotation
    // suffixes, the compression ones being what logrotate's compressext gives for gzip, bzip2, xz and zstd.
    private static final Pattern ROTATED = Pattern.compile("^(?<base>.+?)(?:[.-](?<date>\\d{8}(?:-\\d{6})?|\\d{10}))?"
            + "(?:\\.(?<num>\\d{1,4}))?(?:\\.(?:gz|bz2|xz|zst))?$");

    private static final String ELOOP = "too many levels of symbolic links";

    private InputResolver() {
    }

    /** Resolves the arguments; a missing or unreadable argument becomes a problem, the others still count. */
    public static Resolved resolve(List<String> args) {
        Set<LogInput> inputs = new LinkedHashSet<>();
        List<InputProblem> problems = new ArrayList<>();
        for (String arg : args) {
            if (LogInput.STDIN.equals(arg)) {
                inputs.add(LogInput.stdin());
                continue;
            }
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                try {
                    List<Path> logs = listMailLogs(p);
                    if (logs.isEmpty()) {
                        problems.add(new InputProblem(arg, 0,
                                "no mail logs in this directory: name the files instead"));
                    }
                    logs.forEach(f -> inputs.add(LogInput.file(f)));
                } catch (IOException e) {
                    problems.add(new InputProblem(arg, 0, "cannot list directory: " + e.getMessage()));
                }
            } else if (!Files.exists(p)) {
                problems.add(new InputProblem(arg, 0, whyMissing(p)));
            } else if (!Files.isReadable(p)) {
                problems.add(new InputProblem(arg, 0, "cannot read file: permission denied: run as a user "
                        + "that can read the logs (e.g. in group adm)"));
            } else {
                inputs.add(LogInput.file(p));
            }
        }
        return new Resolved(List.copyOf(inputs), List.copyOf(problems));
    }

    // Files.exists says false for a symlink loop and for a path through a folder this user may not search as
    // well as for a missing file: the attributes say which.
    static String whyMissing(Path p) {
        try {
            Files.readAttributes(p, BasicFileAttributes.class);
            return "no such file: check the path";
        } catch (NoSuchFileException e) {
            return "no such file: check the path";
        } catch (AccessDeniedException e) {
            Path dir = unsearchable(p);
            return dir == null ? "cannot read file: permission denied: run as a user that can read the logs"
                    : "permission denied on the folder " + dir + ": run as a user that may open it (e.g. in group "
                    + "adm)";
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? e.getMessage() : e.getReason().toLowerCase(Locale.ROOT);
            // ELOOP; the JDK adds "or unable to access attributes of symbolic link", which only blurs it
            return reason.startsWith(ELOOP) ? "cannot open: " + ELOOP + ": check the path (ls -l shows where the "
                    + "links point)" : "cannot open: " + reason;
        } catch (IOException e) {
            return "cannot open: " + e.getMessage();
        }
    }

    // The first folder on the way to p that this user may not enter.
    private static Path unsearchable(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) {
            return null;
        }
        Path cur = abs.getRoot();
        for (Path name : cur.relativize(parent)) {
            cur = cur.resolve(name);
            if (!Files.isExecutable(cur)) {
                return cur;
            }
        }
        return null;
    }

    /** The mail logs in a directory, each rotation family oldest first. */
    static List<Path> listMailLogs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> isMailLogName(f.getFileName().toString()))
                    .sorted(ROTATION_ORDER)
                    .toList();
        }
    }

    /** True for names such as mail.log, mail.log.2.gz, maillog-20261126.xz, mainlog.1, exim_rejectlog, postfix.log. */
    static boolean isMailLogName(String name) {
        if (name.startsWith(".")) {
            return false;
        }
        String base = baseName(name).toLowerCase(Locale.ROOT);
        return base.contains("mail") || base.contains("postfix") || base.contains("exim")
                || base.contains("rejectlog") || base.endsWith(".log");
    }

    static String baseName(String name) {
        Matcher m = ROTATED.matcher(name);
        return m.matches() ? m.group("base") : name;
    }

    // Oldest first within a family: logrotate's numbered files count down (mail.log.3.gz before mail.log.1
    // before mail.log); dateext files count up (mail.log-20261125 before mail.log-20261126 before mail.log).
    private static final Comparator<Path> ROTATION_ORDER = Comparator
            .comparing((Path p) -> baseName(p.getFileName().toString()))
            .thenComparing(p -> -rotationNumber(p.getFileName().toString()))
            .thenComparing(p -> rotationDate(p.getFileName().toString()))
            .thenComparing(p -> p.getFileName().toString());

    private static int rotationNumber(String name) {
        Matcher m = ROTATED.matcher(name);
        return m.matches() && m.group("num") != null ? Integer.parseInt(m.group("num")) : 0;
    }

    // Files with a date sort before the live file (which has none): map "no date" to the greatest key.
    private static String rotationDate(String name) {
        Matcher m = ROTATED.matcher(name);
        return m.matches() && m.group("date") != null ? "0" + m.group("date") : "1";
    }
}

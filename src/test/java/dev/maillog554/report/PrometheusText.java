package dev.maillog554.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

/** Reads the Prometheus text format back, so that tests compare what two writers mean, not their spelling. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** One metric family as the exposition format gives it: HELP, TYPE and each sample's labels and value. */
    public record Family(String help, String type, Map<String, Double> samples) {
    }

    /**
     * Parses the Prometheus text format, keyed by family name; each sample by its labels, sorted by name and
     * written {@code a=b,c=d}, so that the file's {@code {a="b"}} and the registry's {@code {a="b",}} agree.
     */
    public static Map<String, Family> parse(String text) {
        Map<String, String> help = new TreeMap<>();
        Map<String, String> type = new TreeMap<>();
        Map<String, Map<String, Double>> samples = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ")) {
                String[] p = line.substring(7).split(" ", 2);
                help.put(p[0], p[1]);
            } else if (line.startsWith("# TYPE ")) {
                String[] p = line.substring(7).split(" ", 2);
                type.put(p[0], p[1]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int brace = line.indexOf('{');
                int space = line.lastIndexOf(' ');
                String name = brace < 0 ? line.substring(0, space) : line.substring(0, brace);
                String labels = brace < 0 ? "" : labels(line.substring(brace + 1, line.lastIndexOf('}')));
                samples.computeIfAbsent(name, n -> new TreeMap<>()).put(labels,
                        Double.parseDouble(line.substring(space + 1)));
            }
        }
        Map<String, Family> families = new TreeMap<>();
        for (String name : type.keySet()) {
            families.put(name, new Family(help.get(name), type.get(name), samples.getOrDefault(name, Map.of())));
        }
        assertEquals(type.keySet(), help.keySet(), text);
        assertTrue(type.keySet().containsAll(samples.keySet()), text);
        return families;
    }

    // name="value" pairs, values with \\ \" \n escapes, a trailing comma allowed.
    private static String labels(String s) {
        Map<String, String> pairs = new TreeMap<>();
        int i = 0;
        while (i < s.length()) {
            int eq = s.indexOf('=', i);
            String name = s.substring(i, eq);
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (s.charAt(j) != '"') {
                char c = s.charAt(j++);
                if (c == '\\') {
                    char e = s.charAt(j++);
                    value.append(e == 'n' ? '\n' : e);
                } else {
                    value.append(c);
                }
            }
            pairs.put(name, value.toString());
            i = j + 1;
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
            }
        }
        StringBuilder out = new StringBuilder();
        pairs.forEach((k, v) -> out.append(out.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return out.toString();
    }
}

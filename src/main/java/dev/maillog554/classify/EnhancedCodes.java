package dev.maillog554.classify;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;

/** Explains RFC 3463 enhanced status codes from the IANA registry copy in classify/enhanced-codes.csv. */
public final class EnhancedCodes {

    private static final Pattern CODE = Pattern.compile("([245])\\.(\\d{1,3})\\.(\\d{1,3})");

    private static final class Holder {
        static final Map<String, String> TABLE = load();
    }

    private EnhancedCodes() {
    }

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        for (CSVRecord r : Resources.csv("enhanced-codes.csv")) {
            m.put(r.get("code"), r.get("meaning"));
        }
        return Map.copyOf(m);
    }

    /**
     * The meaning of a code such as {@code 5.7.26}: class, then the registered detail or, for unregistered
     * details (Microsoft's 5.7.606), the subject's meaning marked as provider-specific. Empty for no code.
     */
    public static String meaning(String code) {
        if (code == null) {
            return "";
        }
        Matcher m = CODE.matcher(code.trim());
        if (!m.matches()) {
            return "";
        }
        Map<String, String> t = Holder.TABLE;
        String cls = t.getOrDefault(m.group(1), "");
        String subject = m.group(2);
        String detail = t.get("X." + subject + "." + m.group(3));
        String text;
        if (detail != null) {
            text = detail;
        } else {
            String subj = t.get("X." + subject);
            text = subj == null ? "unregistered subject (provider-specific)" : subj + " (provider-specific detail)";
        }
        return cls.isEmpty() ? text : cls + ": " + text;
    }

    /** True when the registry lists this exact class-independent code (X.Y.Z). */
    public static boolean registered(String code) {
        Matcher m = CODE.matcher(code == null ? "" : code.trim());
        return m.matches() && Holder.TABLE.containsKey("X." + m.group(2) + "." + m.group(3));
    }
}

package org.tierslieux.billing.invoice;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tierslieux.core.error.DomainException;

/**
 * Document numbers from a place's pattern: literal text with {@code {YYYY}} (year of issue), {@code {YY}},
 * {@code {MM}} (month, two digits) and exactly one {@code {seq:N}} (the series' sequence, zero-padded to at
 * least N digits, 1 to 10; {@code {seq}} is not padded). The sequence is continuous per place and series and
 * never resets: a year in the pattern is a label, uniqueness comes from the sequence. For example
 * {@code FA-{YYYY}-{seq:5}} gives {@code FA-2026-00042}.
 */
public final class Numbering {

    public static final int MAX_NUMBER_LENGTH = 40;
    public static final int MAX_PATTERN_LENGTH = 60;

    private static final Pattern TOKEN = Pattern.compile("\\{([^}]*)}");
    private static final Pattern SEQ = Pattern.compile("seq(?::(\\d{1,2}))?");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9 _./-]*");

    private Numbering() {}

    /** Refuses a pattern that could not number documents: 422 {@code invoice.pattern-invalid}. */
    public static void check(String pattern) {
        if (pattern == null || pattern.isBlank() || pattern.length() > MAX_PATTERN_LENGTH) {
            throw invalid(pattern, "length");
        }
        Matcher m = TOKEN.matcher(pattern);
        int sequences = 0;
        int last = 0;
        while (m.find()) {
            literal(pattern, pattern.substring(last, m.start()));
            String token = m.group(1);
            Matcher seq = SEQ.matcher(token);
            if (seq.matches()) {
                sequences++;
                if (seq.group(1) != null) {
                    int width = Integer.parseInt(seq.group(1));
                    if (width < 1 || width > 10) {
                        throw invalid(pattern, "seq-width");
                    }
                }
            } else if (!token.equals("YYYY") && !token.equals("YY") && !token.equals("MM")) {
                throw invalid(pattern, "unknown-token");
            }
            last = m.end();
        }
        literal(pattern, pattern.substring(last));
        if (sequences != 1) {
            throw invalid(pattern, "one-seq");
        }
        if (format(pattern, LocalDate.of(2026, 12, 31), 9_999_999_999L).length() > MAX_NUMBER_LENGTH) {
            throw invalid(pattern, "too-long");
        }
    }

    /** The literal part of a pattern (its text without tokens): two series must not share it. */
    public static String literalPart(String pattern) {
        return TOKEN.matcher(pattern).replaceAll("#");
    }

    public static String format(String pattern, LocalDate issueDate, long sequence) {
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group(1);
            String value;
            if (token.equals("YYYY")) {
                value = String.format("%04d", issueDate.getYear());
            } else if (token.equals("YY")) {
                value = String.format("%02d", issueDate.getYear() % 100);
            } else if (token.equals("MM")) {
                value = String.format("%02d", issueDate.getMonthValue());
            } else {
                Matcher seq = SEQ.matcher(token);
                if (!seq.matches()) {
                    throw invalid(pattern, "unknown-token");
                }
                int width = seq.group(1) == null ? 1 : Integer.parseInt(seq.group(1));
                value = String.format("%0" + width + "d", sequence);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void literal(String pattern, String text) {
        if (!LITERAL.matcher(text).matches()) {
            throw invalid(pattern, "characters");
        }
    }

    private static DomainException invalid(String pattern, String why) {
        return DomainException.invalid(
                "invoice.pattern-invalid", Map.of("pattern", String.valueOf(pattern), "why", why));
    }
}

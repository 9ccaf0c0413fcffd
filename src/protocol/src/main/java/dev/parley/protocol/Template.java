package dev.parley.protocol;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with variables in braces, such as {@code "Hi {first_name}!"}: which variables it uses, and the text with
 * them filled in. A variable is a lower-case word; other braces are left as written.
 */
public final class Template {
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z][a-z0-9_]*)\\}");

    private Template() {
    }

    /** The variables the text uses, in order of first appearance. */
    public static List<String> variables(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return List.copyOf(names);
    }

    /** The text with each variable replaced by {@code values}' answer (trimmed); a null answer leaves it as written. */
    public static String fill(String text, Function<String, String> values) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.apply(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value.strip()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}

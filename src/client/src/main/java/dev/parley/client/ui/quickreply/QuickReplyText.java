package dev.parley.client.ui.quickreply;

import dev.parley.protocol.Template;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills a quick reply's variables for the person it goes to: {@code {first_name}}, {@code {name}},
 * {@code {handle}}, {@code {my_name}} and the user's contact fields such as {@code {city}}. A variable with no value
 * here (unknown, empty, or about a person in a group chat) stays as written and is reported, so that it can be
 * flagged and never sent as raw braces. The server fills broadcasts with the same {@link Template}.
 */
public final class QuickReplyText {
    /** Who the message goes to; null in a group, where person variables have no single value. */
    public record Recipient(String displayName, String handle) {
    }

    /** The text as the recipient would see it, and the variables it still lacks, in order of appearance. */
    public record Filled(String text, List<String> missing) {
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    private QuickReplyText() {
    }

    public static Filled fill(String template, Recipient to, String myName, Map<String, String> fields) {
        Set<String> missing = new LinkedHashSet<>();
        String text = Template.fill(template, name -> {
            String value = value(name, to, myName, fields);
            if (value == null || value.isBlank()) {
                missing.add(name);
                return null;
            }
            return value;
        });
        return new Filled(text, new ArrayList<>(missing));
    }

    /** The variables of {@code names} that still stand, as written, in {@code text}. */
    public static List<String> stillIn(String text, List<String> names) {
        return names.stream().filter(name -> text.contains("{" + name + "}")).toList();
    }

    private static String value(String name, Recipient to, String myName, Map<String, String> fields) {
        return switch (name) {
            case "first_name" -> to == null ? null : firstWord(to.displayName());
            case "name" -> to == null ? null : to.displayName();
            case "handle" -> to == null ? null : "@" + to.handle();
            case "my_name" -> myName;
            default -> fields.get(name);
        };
    }

    private static String firstWord(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}

package dev.parley.protocol;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Field validation shared by the wire records, so both sides reject the same input. */
final class Check {
    private static final Pattern HANDLE = Pattern.compile("[a-z0-9_.]+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9_]{2,30}");

    private Check() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw ProtocolException.badRequest("missing field '" + field + "'");
        }
        return value;
    }

    static long positive(Long value, String field) {
        if (present(value, field) <= 0) {
            throw ProtocolException.badRequest("'" + field + "' must be positive");
        }
        return value;
    }

    static long notNegative(Long value, String field) {
        if (present(value, field) < 0) {
            throw ProtocolException.badRequest("'" + field + "' must not be negative");
        }
        return value;
    }

    /** Lower-cases a handle and checks its length and alphabet. */
    static String handle(String value, String field) {
        String handle = present(value, field).strip().toLowerCase(Locale.ROOT);
        if (handle.length() < Limits.MIN_HANDLE_CHARS || handle.length() > Limits.MAX_HANDLE_CHARS) {
            throw ProtocolException.badRequest("'" + field + "' must be " + Limits.MIN_HANDLE_CHARS + "–"
                    + Limits.MAX_HANDLE_CHARS + " characters");
        }
        if (!HANDLE.matcher(handle).matches()) {
            throw ProtocolException.badRequest("'" + field + "' may contain only a-z, 0-9, '_' and '.'");
        }
        return handle;
    }

    /** Strips surrounding white space and requires 1..max chars; too long is {@link ErrorCode#TOO_LARGE}. */
    static String text(String value, String field, int max) {
        String text = present(value, field).strip();
        if (text.isEmpty()) {
            throw ProtocolException.badRequest("'" + field + "' must not be empty");
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "'" + field + "' is longer than " + max + " characters");
        }
        return text;
    }

    /** A time-zone id {@link java.time.ZoneId#of} understands, e.g. {@code Europe/Lisbon} or {@code +02:00}. */
    static String zone(String value, String field) {
        String zone = present(value, field).strip();
        try {
            if (zone.isEmpty() || zone.length() > 64) {
                throw new java.time.DateTimeException("length");
            }
            return java.time.ZoneId.of(zone).getId();
        } catch (java.time.DateTimeException e) {
            throw ProtocolException.badRequest("'" + field + "' is not a known time zone");
        }
    }

    /** A handle to look up: lower-cased; too long or empty cannot name anyone. */
    static String lookupHandle(String value, String field) {
        String handle = present(value, field).strip().toLowerCase(Locale.ROOT);
        if (handle.isEmpty() || handle.length() > Limits.MAX_HANDLE_CHARS) {
            throw ProtocolException.badRequest("'" + field + "' is not a valid handle");
        }
        return handle;
    }

    static String optionalText(String value, String field, int max) {
        return value == null || value.isBlank() ? null : text(value, field, max);
    }

    static String password(String value) {
        return password(value, "password");
    }

    static String password(String value, String field) {
        present(value, field);
        if (value.length() > Limits.MAX_PASSWORD_CHARS) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "'" + field + "' is longer than "
                    + Limits.MAX_PASSWORD_CHARS + " characters");
        }
        return value;
    }

    /** A password to set (register, change): not stripped, at most the maximum, at least the minimum. */
    static String newPassword(String value, String field) {
        password(value, field);
        if (value.length() < Limits.MIN_PASSWORD_CHARS) {
            throw ProtocolException.badRequest("'" + field + "' must be at least " + Limits.MIN_PASSWORD_CHARS
                    + " characters");
        }
        return value;
    }

    /** A SHA-256 as 64 hex digits, lower-cased (media ids are the SHA-256 of their content). */
    /**
     * One emoji as people type them: 1–{@value Limits#MAX_EMOJI_CODE_POINTS} code points (sequences joined by
     * ZWJ, skin tones and flags included), with at least one symbol and no letters, digits, spaces or controls.
     */
    static String emoji(String value, String field) {
        String emoji = present(value, field).strip();
        int count = emoji.codePointCount(0, emoji.length());
        // A symbol (most emoji, flags' regional indicators), or a keycap such as 1️⃣ (a digit + U+20E3).
        boolean symbol = emoji.codePoints().anyMatch(cp -> Character.getType(cp) == Character.OTHER_SYMBOL
                || cp == 0x20E3);
        boolean words = emoji.codePoints().anyMatch(cp -> Character.isLetter(cp) || Character.isWhitespace(cp)
                || Character.isISOControl(cp));
        if (count == 0 || count > Limits.MAX_EMOJI_CODE_POINTS || !symbol || words) {
            throw ProtocolException.badRequest("'" + field + "' must be one emoji");
        }
        return emoji;
    }

    static String sha256(String value, String field) {
        String hex = present(value, field).strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hex).matches()) {
            throw ProtocolException.badRequest("'" + field + "' must be a SHA-256 as 64 hex digits");
        }
        return hex;
    }

    /** 1–{@value Limits#MAX_MEDIA_PER_MESSAGE} distinct media of a message, as an immutable list. */
    static List<MediaRef> mediaList(List<MediaRef> media) {
        if (media.isEmpty() || media.size() > Limits.MAX_MEDIA_PER_MESSAGE) {
            throw ProtocolException.badRequest("'media' must have 1–" + Limits.MAX_MEDIA_PER_MESSAGE + " items");
        }
        if (media.stream().anyMatch(Objects::isNull)) {
            throw ProtocolException.badRequest("'media' must not contain null");
        }
        if (media.stream().map(MediaRef::mediaId).distinct().count() < media.size()) {
            throw ProtocolException.badRequest("'media' names the same item twice");
        }
        return List.copyOf(media);
    }

    /** Code points of a stripped text, at most {@code max}; too long is {@link ErrorCode#TOO_LARGE}. */
    static String atMost(String value, String field, int max) {
        String text = value.strip();
        if (text.codePointCount(0, text.length()) > max) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "'" + field + "' is longer than " + max + " characters");
        }
        return text;
    }

    /**
     * Niche tags, normalised: without a leading '#', lower-case, de-duplicated in order; each 2–30 of
     * {@code a-z 0-9 _}, at most {@link Limits#MAX_TAGS}. Null stays null (no change).
     */
    static List<String> tags(List<String> values, String field) {
        if (values == null) {
            return null;
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String value : values) {
            String tag = tag(present(value, field));
            if (!TAG.matcher(tag).matches()) {
                throw ProtocolException.badRequest("a tag must be 2–30 of a-z, 0-9 and '_'");
            }
            tags.add(tag);
        }
        if (tags.size() > Limits.MAX_TAGS) {
            throw ProtocolException.badRequest("at most " + Limits.MAX_TAGS + " tags");
        }
        return List.copyOf(tags);
    }

    /**
     * Handles of people to put in a group: each a valid handle to look up, lower-cased, de-duplicated in order;
     * 1–{@code max} of them.
     */
    static List<String> handles(List<String> values, String field, int max) {
        Set<String> handles = new LinkedHashSet<>();
        for (String value : present(values, field)) {
            handles.add(lookupHandle(value, field));
        }
        if (handles.isEmpty() || handles.size() > max) {
            throw ProtocolException.badRequest("'" + field + "' must name 1–" + max + " people");
        }
        return List.copyOf(handles);
    }

    /** A picture in base64, at most {@link Limits#MAX_AVATAR_BYTES} decoded; checks the length before decoding. */
    static byte[] avatar(String image) {
        // Base64 is 4 chars per 3 bytes; checking the length first keeps a huge string from being decoded.
        if (image.length() > (Limits.MAX_AVATAR_BYTES + 2) / 3 * 4) {
            throw new ProtocolException(ErrorCode.TOO_LARGE, "the picture is larger than "
                    + Limits.MAX_AVATAR_BYTES + " bytes");
        }
        try {
            return java.util.Base64.getDecoder().decode(image);
        } catch (IllegalArgumentException e) {
            throw ProtocolException.badRequest("not an image");
        }
    }

    /** A tag as typed ("#Photography") in its stored form ("photography"), not yet checked. */
    static String tag(String value) {
        String tag = value.strip();
        return (tag.startsWith("#") ? tag.substring(1) : tag).toLowerCase(Locale.ROOT);
    }

    private static final Pattern KEYWORD = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern FIELD_KEY = Pattern.compile("[a-z][a-z0-9_]*");

    /** A short lower-case word (a quick reply's name): letters, digits, '-' and '_'. */
    static String keyword(String value, String field, int max) {
        String word = present(value, field).strip().toLowerCase(Locale.ROOT);
        if (word.isEmpty() || word.length() > max || !KEYWORD.matcher(word).matches()) {
            throw ProtocolException.badRequest("'" + field + "' must be 1–" + max
                    + " characters of a-z, 0-9, '-' and '_'");
        }
        return word;
    }

    /** Custom contact fields: at most {@link Limits#MAX_CONTACT_FIELDS}, keys not built-in variables. */
    static java.util.Map<String, String> contactFields(java.util.Map<String, String> fields) {
        if (fields.size() > Limits.MAX_CONTACT_FIELDS) {
            throw ProtocolException.badRequest("at most " + Limits.MAX_CONTACT_FIELDS + " fields");
        }
        java.util.Map<String, String> clean = new java.util.TreeMap<>();
        fields.forEach((key, value) -> {
            String name = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.length() > Limits.MAX_CONTACT_FIELD_KEY_CHARS
                    || !FIELD_KEY.matcher(name).matches()) {
                throw ProtocolException.badRequest("a field's name must be 1–" + Limits.MAX_CONTACT_FIELD_KEY_CHARS
                        + " characters of a-z, 0-9 and '_', starting with a letter");
            }
            if (Limits.BUILT_IN_VARIABLES.contains(name)) {
                throw ProtocolException.badRequest("'" + name + "' is a built-in variable");
            }
            clean.put(name, text(value, "fields." + name, Limits.MAX_CONTACT_FIELD_CHARS));
        });
        return java.util.Collections.unmodifiableMap(clean);
    }

    /**
     * Contact labels, normalised: lower-case, 1–{@link Limits#MAX_LABEL_CHARS} of {@code a-z 0-9 - _}, de-duplicated in
     * order; at most {@code max}.
     */
    static List<String> labels(List<String> values, String field, int max) {
        Set<String> labels = new LinkedHashSet<>();
        for (String value : present(values, field)) {
            labels.add(keyword(present(value, field), field, Limits.MAX_LABEL_CHARS));
        }
        if (labels.size() > max) {
            throw ProtocolException.badRequest("at most " + max + " labels");
        }
        return List.copyOf(labels);
    }
}

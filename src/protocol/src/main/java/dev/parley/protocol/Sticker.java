package dev.parley.protocol;

import java.util.regex.Pattern;

/**
 * A sticker a message carries: the pack and the sticker in it, the emoji it stands for (optional, for previews and
 * notifications) and, for a sticker from a pack the sender imported, the media id of its image, which recipients
 * download. A sticker from a built-in pack has no media id: every client draws it from its own copy of the pack.
 */
public record Sticker(String pack, String id, String emoji, String mediaId) {
    /** Pack and sticker ids: lower-case letters, digits, '-', '_' and '.', starting with a letter or digit. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public Sticker {
        pack = id(pack, "sticker.pack", Limits.MAX_STICKER_PACK_ID_CHARS);
        id = id(id, "sticker.id", Limits.MAX_STICKER_ID_CHARS);
        emoji = emoji == null || emoji.isBlank() ? null : Check.emoji(emoji, "sticker.emoji");
        mediaId = mediaId == null ? null : Check.sha256(mediaId, "sticker.mediaId");
    }

    /** A sticker of a built-in pack. */
    public Sticker(String pack, String id, String emoji) {
        this(pack, id, emoji, null);
    }

    private static String id(String value, String field, int max) {
        String id = Check.present(value, field);
        if (id.isEmpty() || id.length() > max || !ID.matcher(id).matches()) {
            throw ProtocolException.badRequest("'" + field + "' must be 1–" + max
                    + " of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
        }
        return id;
    }
}

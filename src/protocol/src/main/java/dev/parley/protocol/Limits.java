package dev.parley.protocol;

/** Size and count limits of the protocol, enforced by both client and server. */
public final class Limits {
    /** Largest JSON text frame a client may send, in bytes; the server closes larger ones with 1009. */
    public static final int MAX_FRAME_BYTES = 64 * 1024;
    /**
     * Largest frame a client must accept from the server. Pages are bounded by {@link #MAX_REPLY_TEXT_CHARS},
     * which keeps real replies far below this.
     */
    public static final int MAX_SERVER_FRAME_BYTES = 16 * 1024 * 1024;
    /** Message text one {@code sync} or {@code msg.history} reply carries at most (at least one message). */
    public static final int MAX_REPLY_TEXT_CHARS = 256 * 1024;
    /** Longest message text, in Unicode code points after trimming (an emoji counts as one). */
    public static final int MAX_TEXT_CHARS = 4_096;
    /** Longest photo caption, in chars. */
    public static final int MAX_CAPTION_CHARS = 1_024;
    /** Pinned messages in one conversation at a time. */
    public static final int MAX_PINNED = 20;
    /** Code points in one reaction emoji (the longest family ZWJ sequences have 11). */
    public static final int MAX_EMOJI_CODE_POINTS = 16;
    /** Longest poll question and longest poll option, in chars. */
    public static final int MAX_POLL_QUESTION_CHARS = 300;
    public static final int MAX_POLL_OPTION_CHARS = 100;
    /** Options in one poll. */
    public static final int MIN_POLL_OPTIONS = 2;
    public static final int MAX_POLL_OPTIONS = 10;
    /** How far ahead a message may be scheduled, in days. */
    public static final int MAX_SCHEDULE_DAYS = 365;
    /** Pending scheduled messages and follow-ups one person may have. */
    public static final int MAX_PENDING_SCHEDULED = 100;
    /** Quick replies one person may keep, and the longest name of one (what follows "/" in the composer). */
    public static final int MAX_QUICK_REPLIES = 100;
    public static final int MAX_QUICK_REPLY_NAME_CHARS = 32;
    /** Custom fields one person may keep about each contact; the longest field name and value. */
    public static final int MAX_CONTACT_FIELDS = 20;
    public static final int MAX_CONTACT_FIELD_KEY_CHARS = 24;
    public static final int MAX_CONTACT_FIELD_CHARS = 200;
    /** Variables every quick reply may use, filled in from the profiles; contact fields may not take these names. */
    public static final java.util.Set<String> BUILT_IN_VARIABLES = java.util.Set.of("first_name", "name", "handle",
            "my_name");
    public static final int MIN_HANDLE_CHARS = 3;
    public static final int MAX_HANDLE_CHARS = 24;
    public static final int MAX_DISPLAY_NAME_CHARS = 64;
    public static final int MIN_PASSWORD_CHARS = 8;
    /** Passwords longer than this are refused so that hashing cost stays bounded. */
    public static final int MAX_PASSWORD_CHARS = 256;
    public static final int MAX_DEVICE_NAME_CHARS = 64;
    /** Largest page of history one {@code msg.history} request returns. */
    public static final int MAX_HISTORY_PAGE = 100;
    /** Largest number of messages one {@code sync} reply carries; the client asks again while {@code more}. */
    public static final int MAX_SYNC_PAGE = 500;
    /** Largest page of people one {@code user.search} returns. */
    public static final int MAX_SEARCH_PAGE = 50;
    /** Longest note a reporter may add to a report, in chars. */
    public static final int MAX_REPORT_NOTE_CHARS = 1_000;
    /** How many of a conversation's newest messages a report keeps as evidence. */
    public static final int REPORT_EVIDENCE_MESSAGES = 50;
    /** Longest request id a client may choose. */
    public static final int MAX_REQUEST_ID_CHARS = 64;
    /** Longest profile bio, in code points after trimming. */
    public static final int MAX_BIO_CHARS = 160;
    /** Most niche tags one profile may carry. */
    public static final int MAX_TAGS = 5;
    /**
     * Largest avatar picture a client may upload, in decoded bytes: its base64 (64,000 chars) plus the envelope
     * stays under {@link #MAX_FRAME_BYTES}. Clients downscale first; the server re-encodes what it accepts.
     */
    public static final int MAX_AVATAR_BYTES = 48_000;
    /** Widest and tallest avatar the server accepts, in pixels. */
    public static final int MAX_AVATAR_SIDE = 512;
    /** Largest picture file a person may choose for an avatar, before the client downscales it. */
    public static final long MAX_AVATAR_FILE_BYTES = 2L * 1024 * 1024;
    /** Largest photo (JPEG, PNG) upload, in bytes. */
    public static final long MAX_PHOTO_BYTES = 25L * 1024 * 1024;
    /** Largest image, in pixels (width × height), read from its header before any pixel is decoded. */
    public static final long MAX_PHOTO_PIXELS = 40_000_000L;
    public static final long MAX_GIF_BYTES = 15L * 1024 * 1024;
    /**
     * Most pixels a player composes for one GIF: each frame counted as at least its whole canvas (480 frames of
     * 1920×1080 fit). Thousands of tiny frames on a large canvas are a few KB on the wire and gigabytes to play.
     */
    public static final long MAX_GIF_ANIMATION_PIXELS = 1_000_000_000L;
    public static final long MAX_VIDEO_BYTES = 200L * 1024 * 1024;
    /** Most data one upload chunk (a binary frame, after its {@link UploadChunk#HEADER_BYTES} header) carries. */
    public static final int MAX_CHUNK_BYTES = 256 * 1024;
    /** Most bytes one {@code media.get} returns; base64 in JSON makes the reply about 4/3 of this. */
    public static final int MAX_MEDIA_READ_BYTES = 192 * 1024;
    /** Widest and tallest preview image a message may attach to a media item, in pixels. */
    public static final int MAX_THUMBNAIL_SIDE = 400;
    /** Longest sticker pack id and sticker id. */
    public static final int MAX_STICKER_PACK_ID_CHARS = 48;
    public static final int MAX_STICKER_ID_CHARS = 64;
    /** Widest and tallest sticker image from an imported pack, in pixels. */
    public static final int MAX_STICKER_SIDE = 512;
    /** Largest sticker image from an imported pack, in bytes (an animated GIF is sent as it is, within this). */
    public static final long MAX_STICKER_BYTES = 1024L * 1024;
    /** Most media items one message carries. */
    public static final int MAX_MEDIA_PER_MESSAGE = 10;
    /** Most members a group has, its owner included. */
    public static final int MAX_GROUP_MEMBERS = 1_000;
    /** Longest group title, in code points after trimming. */
    public static final int MAX_GROUP_TITLE_CHARS = 64;
    /** Longest group description (its rules), in code points after trimming. */
    public static final int MAX_GROUP_DESCRIPTION_CHARS = 1_000;
    /** Labels on one contact, the longest label, and the longest private note about a contact. */
    public static final int MAX_CONTACT_LABELS = 10;
    public static final int MAX_LABEL_CHARS = 24;
    public static final int MAX_CONTACT_NOTE_CHARS = 1_000;
    /** Segments one person may keep, the longest segment name, and the longest "messaged me in the last N days". */
    public static final int MAX_SEGMENTS = 50;
    public static final int MAX_SEGMENT_NAME_CHARS = 48;
    public static final int MAX_SEGMENT_DAYS = 365;
    /** Broadcast recipients one sender may reach in any 24 hours (the server may be configured lower). */
    public static final int BROADCAST_DAILY_RECIPIENTS = 200;
    /** Rendered examples a broadcast preview shows. */
    public static final int BROADCAST_PREVIEW_EXAMPLES = 3;
    /** Past broadcasts {@code broadcast.list} returns, newest first. */
    public static final int MAX_BROADCAST_LIST = 100;
    /** Longest offer title, description and code, in characters. */
    public static final int MAX_OFFER_TITLE_CHARS = 80;
    public static final int MAX_OFFER_DESCRIPTION_CHARS = 1_000;
    public static final int MAX_OFFER_CODE_CHARS = 32;
    /** Furthest an offer's end may lie ahead of the server's clock when it is sent, in days. */
    public static final int MAX_OFFER_DAYS = 90;
    /** Longest proposal idea, and longest other part of a proposal (what each side brings, gains, ...). */
    public static final int MAX_PROPOSAL_IDEA_CHARS = 1_000;
    public static final int MAX_PROPOSAL_PART_CHARS = 500;
    /** Most days one {@code insights.get} covers (a leap year), counting both ends. */
    public static final int MAX_INSIGHTS_DAYS = 366;

    private Limits() {
    }
}

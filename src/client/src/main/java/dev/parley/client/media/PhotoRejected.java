package dev.parley.client.media;

/** A picture (or video) that cannot be sent or used, and why; the UI turns the reason into a sentence. */
public final class PhotoRejected extends Exception {
    /** Why a picture was refused. */
    public enum Reason {
        /** The bytes are not a picture format Parley knows, whatever the file's name says. */
        NOT_AN_IMAGE,
        /** The file is larger than its kind may be (photos 25 MB, GIFs 15 MB). */
        TOO_LARGE_FILE,
        /** A video over 200 MB. */
        VIDEO_TOO_LARGE,
        /** Width × height, read from the header, is over 40 megapixels. */
        TOO_MANY_PIXELS,
        /** It looks like a picture but cannot be read: damaged, truncated, or a variant with no decoder here. */
        UNREADABLE
    }

    private final Reason reason;

    PhotoRejected(Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    PhotoRejected(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

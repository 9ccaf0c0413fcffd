package dev.parley.bench.load;

/**
 * The text of a load message: when it was due to be sent ({@link System#nanoTime()} of the load generator) and
 * its number from its sender, written so they can be found in the frame that delivers it, JSON or not.
 */
public final class Stamp {
    private static final String MARK = "#T";

    private Stamp() {
    }

    public static String text(long dueNanos, long number) {
        return MARK + dueNanos + ";" + number + ";";
    }

    /** Whether a frame carries a {@link #text} (and not, say, a greeting sent while setting up). */
    public static boolean in(String frame) {
        return frame.contains(MARK);
    }

    /** The due time in a frame carrying a {@link #text}. */
    public static long dueNanos(String frame) {
        int start = frame.indexOf(MARK) + MARK.length();
        return Long.parseLong(frame, start, frame.indexOf(';', start), 10);
    }

    /** The sender's number for the message in a frame carrying a {@link #text}. */
    public static long number(String frame) {
        int start = frame.indexOf(';', frame.indexOf(MARK)) + 1;
        return Long.parseLong(frame, start, frame.indexOf(';', start), 10);
    }
}

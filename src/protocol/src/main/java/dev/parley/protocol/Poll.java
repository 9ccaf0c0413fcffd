package dev.parley.protocol;

import java.util.List;

/**
 * A poll and its results as they are now: the question, its options with their counts, whether people may pick
 * several options, whether it is anonymous (then no option ever names who chose it) and whether it is closed.
 * {@code voters} counts the people who have a vote in, whatever they chose.
 */
public record Poll(String question, List<PollOption> options, boolean multiple, boolean anonymous, boolean closed,
        int voters) {
    public Poll {
        options = options == null ? List.of() : List.copyOf(options);
    }
}

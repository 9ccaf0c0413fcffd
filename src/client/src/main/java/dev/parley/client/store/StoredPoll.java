package dev.parley.client.store;

import dev.parley.protocol.Poll;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A poll as this device keeps it: the server's latest results, and the options this device last voted for (the
 * only way to know one's own choice in an anonymous poll, whose results name nobody).
 */
public record StoredPoll(Poll poll, Set<Integer> mine) {
    public StoredPoll {
        mine = Set.copyOf(mine == null ? Set.of() : mine);
    }

    /** The options {@code handle} chose: from the results when they name voters, else what this device sent. */
    public Set<Integer> chosenBy(String handle) {
        if (poll.anonymous()) {
            return mine;
        }
        Set<Integer> chosen = new TreeSet<>();
        for (int i = 0; i < poll.options().size(); i++) {
            if (poll.options().get(i).handles().contains(handle)) {
                chosen.add(i);
            }
        }
        return chosen;
    }

    /** The chosen option indexes in order, as {@code poll.vote} takes them. */
    public static List<Integer> sorted(Set<Integer> options) {
        return new TreeSet<>(options).stream().toList();
    }
}

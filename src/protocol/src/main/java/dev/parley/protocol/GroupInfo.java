package dev.parley.protocol;

/**
 * What a conversation summary says about a group: its title, description (rules), picture hash, how many
 * members it has, and the caller's own standing: their role (absent once they left or were removed), whether
 * an admin muted them, whether they are no longer a member ({@code left}), and {@code firstSeq}, the first seq
 * they may see (the line that added them; 1 for the people it was created with): earlier seqs never reach them,
 * so a client starts its cursor just below it.
 */
public record GroupInfo(String title, String description, String avatar, int members, GroupRole role,
        boolean muted, boolean left, long firstSeq) {
}

package dev.parley.client.store;

import dev.parley.protocol.GroupRole;

/**
 * What the local cache knows of a group besides its title and picture: how many members it has, the user's role
 * (null once they left or were removed), whether an admin muted them, and its description (rules), if any.
 */
public record StoredGroup(int members, GroupRole role, boolean left, boolean muted, String description) {
}

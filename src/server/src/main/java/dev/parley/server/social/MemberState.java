package dev.parley.server.social;

/** Where a member of a direct conversation stands towards it. */
public enum MemberState {
    /** Nobody has written yet. */
    PENDING,
    /** A non-friend wrote first: it waits in the member's Requests list. */
    REQUEST,
    /** The member accepted, replied, wrote first, or is friends with the sender. */
    ACCEPTED,
    /** The member deleted the request; the sender can send no more. */
    DECLINED
}

-- Times are epoch milliseconds (UTC). Handles are stored lower-case, so UNIQUE is case-insensitive.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    handle        TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);

-- Device sessions. Only a SHA-256 of the token is kept.
CREATE TABLE sessions (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    token_hash   BLOB    NOT NULL UNIQUE,
    device       TEXT,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- last_seq is the conversation's gap-free message counter, bumped in the same transaction as the insert.
CREATE TABLE conversations (
    id               INTEGER PRIMARY KEY,
    kind             TEXT    NOT NULL CHECK (kind IN ('direct')),
    last_seq         INTEGER NOT NULL DEFAULT 0,
    last_activity_at INTEGER NOT NULL,
    created_at       INTEGER NOT NULL
);

-- At most one direct conversation per pair of users (user_lo <= user_hi; equal for notes to self).
CREATE TABLE direct_pairs (
    user_lo         INTEGER NOT NULL REFERENCES users (id),
    user_hi         INTEGER NOT NULL REFERENCES users (id),
    conversation_id INTEGER NOT NULL UNIQUE REFERENCES conversations (id),
    PRIMARY KEY (user_lo, user_hi)
);

-- read_seq is the member's private read cursor; it drives unread counts and is never shown to others.
CREATE TABLE members (
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    user_id         INTEGER NOT NULL REFERENCES users (id),
    read_seq        INTEGER NOT NULL DEFAULT 0,
    joined_at       INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX members_by_user ON members (user_id);

-- UNIQUE (sender_id, client_id) makes a resend with the same client id find the original.
CREATE TABLE messages (
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    seq             INTEGER NOT NULL,
    sender_id       INTEGER NOT NULL REFERENCES users (id),
    client_id       TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    sent_at         INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, seq),
    UNIQUE (sender_id, client_id)
);

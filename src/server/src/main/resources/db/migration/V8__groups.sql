-- Groups. SQLite cannot change a CHECK constraint in place, so conversations and messages are rebuilt to allow
-- kind 'group' and kind 'system' (membership lines), the way SQLite's documentation describes: build the new
-- table, copy, drop the old one, rename. Migrations run with foreign keys off (SqliteDatabase), so the other
-- tables' references keep naming the table and point at the rebuilt one.
CREATE TABLE conversations_new (
    id               INTEGER PRIMARY KEY,
    kind             TEXT    NOT NULL CHECK (kind IN ('direct', 'group')),
    last_seq         INTEGER NOT NULL DEFAULT 0,
    last_activity_at INTEGER NOT NULL,
    created_at       INTEGER NOT NULL
);
INSERT INTO conversations_new (id, kind, last_seq, last_activity_at, created_at)
    SELECT id, kind, last_seq, last_activity_at, created_at FROM conversations;
DROP TABLE conversations;
ALTER TABLE conversations_new RENAME TO conversations;

-- 'system' rows are lines about the group (who created, added, removed, left, promoted, renamed): their
-- details are the JSON in 'change', their sender is who did it, and they take a seq like any message.
CREATE TABLE messages_new (
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    seq             INTEGER NOT NULL,
    sender_id       INTEGER NOT NULL REFERENCES users (id),
    client_id       TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    sent_at         INTEGER NOT NULL,
    kind            TEXT    NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'unsend', 'system', 'reaction', 'pin', 'poll', 'poll_update')),
    target_seq      INTEGER,
    unsent_at       INTEGER,
    change          TEXT,
    PRIMARY KEY (conversation_id, seq),
    UNIQUE (sender_id, client_id)
);
INSERT INTO messages_new (conversation_id, seq, sender_id, client_id, text, sent_at, kind, target_seq, unsent_at)
    SELECT conversation_id, seq, sender_id, client_id, text, sent_at, kind, target_seq, unsent_at FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE UNIQUE INDEX one_tombstone_per_message ON messages (conversation_id, target_seq) WHERE kind = 'unsend';

-- A group's own fields; its members are rows of members like in a direct conversation.
CREATE TABLE groups (
    conversation_id INTEGER PRIMARY KEY REFERENCES conversations (id),
    title           TEXT    NOT NULL,
    description     TEXT,
    avatar_hash     TEXT    REFERENCES avatars (hash),
    created_by      INTEGER NOT NULL REFERENCES users (id)
);

-- In groups: role (owner, admin, member; NULL in direct conversations), muted (may not send), and the window
-- of seqs the member may see: from_seq (the line that added them) to until_seq (the line that removed them,
-- or they left; NULL while they are a member). A former member keeps their row and the history they saw.
ALTER TABLE members ADD COLUMN role TEXT CHECK (role IN ('owner', 'admin', 'member'));
ALTER TABLE members ADD COLUMN muted INTEGER NOT NULL DEFAULT 0 CHECK (muted IN (0, 1));
ALTER TABLE members ADD COLUMN from_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN until_seq INTEGER;

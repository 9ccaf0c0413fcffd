-- Groups (V7 and V8 are reserved for other branches). A group's row keeps its title in peer_name and its
-- picture hash in peer_avatar (what the list shows), with an empty peer_handle; the group_* columns say the rest.
ALTER TABLE conversations ADD COLUMN kind TEXT NOT NULL DEFAULT 'direct' CHECK (kind IN ('direct', 'group'));
ALTER TABLE conversations ADD COLUMN group_members INTEGER NOT NULL DEFAULT 0;
-- The user's own role (owner, admin, member), NULL once they left or were removed.
ALTER TABLE conversations ADD COLUMN group_role TEXT;
ALTER TABLE conversations ADD COLUMN group_left INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN group_muted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN group_description TEXT;

-- Messages may be a group's system lines ('system', with the server's change as JSON). SQLite cannot widen a
-- CHECK in place, so the table is rebuilt as SQLite documents (no other table references it).
CREATE TABLE messages_new (
    local_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL,
    seq             INTEGER,
    client_id       TEXT    NOT NULL,
    sender          TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    sent_at         INTEGER NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('SENDING', 'SENT', 'FAILED')),
    failure         TEXT,
    kind            TEXT    NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'unsend', 'system', 'reaction', 'pin', 'poll', 'poll_update')),
    unsent          INTEGER NOT NULL DEFAULT 0,
    hidden          INTEGER NOT NULL DEFAULT 0,
    change          TEXT,
    UNIQUE (sender, client_id)
);
INSERT INTO messages_new (local_id, conversation_id, seq, client_id, sender, text, sent_at, status, failure, kind,
        unsent, hidden)
    SELECT local_id, conversation_id, seq, client_id, sender, text, sent_at, status, failure, kind, unsent, hidden
    FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE UNIQUE INDEX messages_by_seq ON messages (conversation_id, seq);
CREATE INDEX messages_outbox ON messages (status, local_id);

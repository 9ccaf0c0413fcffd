-- The client's local cache of one account on one server. Times are epoch milliseconds.
CREATE TABLE conversations (
    id          INTEGER PRIMARY KEY,
    peer_handle TEXT    NOT NULL,
    peer_name   TEXT    NOT NULL,
    last_seq    INTEGER NOT NULL DEFAULT 0,
    read_seq    INTEGER NOT NULL DEFAULT 0,
    unread      INTEGER NOT NULL DEFAULT 0,
    -- Every seq up to the cursor is here (or deliberately skipped as old history); sync asks for what follows.
    cursor      INTEGER NOT NULL DEFAULT 0,
    last_text   TEXT,
    last_sender TEXT,
    last_at     INTEGER NOT NULL DEFAULT 0
);

-- Messages, and the outbox: own messages with status SENDING, in local_id order.
CREATE TABLE messages (
    local_id        INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL,
    seq             INTEGER,
    client_id       TEXT    NOT NULL,
    sender          TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    sent_at         INTEGER NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('SENDING', 'SENT', 'FAILED')),
    UNIQUE (sender, client_id)
);
CREATE UNIQUE INDEX messages_by_seq ON messages (conversation_id, seq);
CREATE INDEX messages_outbox ON messages (status, local_id);

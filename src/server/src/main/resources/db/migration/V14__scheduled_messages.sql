-- Messages to send later and follow-ups ("if no reply in N days, send this"). The payload is the msg.send body
-- as JSON, so a scheduled message can be anything a message can be. The client id is the one the message will
-- carry, which makes delivery idempotent: delivering twice after a crash finds the message already stored.
CREATE TABLE scheduled_messages (
    id              INTEGER PRIMARY KEY,
    sender_id       INTEGER NOT NULL REFERENCES users (id),
    conversation_id INTEGER NOT NULL REFERENCES conversations (id),
    client_id       TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    send_at         INTEGER NOT NULL,
    follow_up       INTEGER NOT NULL DEFAULT 0,
    status          TEXT    NOT NULL DEFAULT 'pending'
                            CHECK (status IN ('pending', 'sent', 'skipped', 'cancelled')),
    reason          TEXT,
    seq             INTEGER,
    created_at      INTEGER NOT NULL,
    UNIQUE (sender_id, client_id)
);
CREATE INDEX scheduled_due ON scheduled_messages (send_at) WHERE status = 'pending';
CREATE INDEX scheduled_by_sender ON scheduled_messages (sender_id, status);
-- At most one pending follow-up per person per conversation.
CREATE UNIQUE INDEX one_follow_up ON scheduled_messages (sender_id, conversation_id)
    WHERE follow_up = 1 AND status = 'pending';

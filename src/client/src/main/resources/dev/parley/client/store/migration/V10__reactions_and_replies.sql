-- The message a reply quotes, and the reactions on messages: one emoji per person per message, kept as the
-- server's reaction events (kind 'reaction') and the reactions a message carries when it is read say.
ALTER TABLE messages ADD COLUMN reply_to INTEGER;

CREATE TABLE reactions (
    conversation_id INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    handle          TEXT    NOT NULL,
    emoji           TEXT    NOT NULL,
    position        INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, seq, handle)
);

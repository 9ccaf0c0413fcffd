-- Replies name the message they quote; reactions are one emoji per person per message. Each reaction change is
-- also a message row of kind 'reaction' (target_seq, text = the emoji or '' when removed), so it has a seq
-- and reaches every device through evt.message and sync like everything else.
ALTER TABLE messages ADD COLUMN reply_to_seq INTEGER;

CREATE TABLE reactions (
    conversation_id INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    emoji           TEXT    NOT NULL,
    reacted_at      INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, seq, user_id),
    FOREIGN KEY (conversation_id, seq) REFERENCES messages (conversation_id, seq)
);

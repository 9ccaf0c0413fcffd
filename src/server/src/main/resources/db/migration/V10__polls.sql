-- A poll is a message row of kind 'poll' (text = the question) with its options here; each vote and the close
-- append a row of kind 'poll_update' (target_seq = the poll, sender = the poll's author, never the voter), so
-- every device converges through evt.message and sync.
CREATE TABLE polls (
    conversation_id INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    options         TEXT    NOT NULL, -- JSON array of the option texts, in order
    multiple        INTEGER NOT NULL,
    anonymous       INTEGER NOT NULL,
    closed_at       INTEGER,
    PRIMARY KEY (conversation_id, seq),
    FOREIGN KEY (conversation_id, seq) REFERENCES messages (conversation_id, seq)
);

CREATE TABLE poll_votes (
    conversation_id INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    option          INTEGER NOT NULL,
    voted_at        INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, seq, user_id, option),
    FOREIGN KEY (conversation_id, seq) REFERENCES polls (conversation_id, seq)
);

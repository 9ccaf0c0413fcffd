-- Polls: the results as the server last sent them (a poll message, then each 'poll_update' event with a higher
-- seq replaces them), and this device's own choice, which the server never names in an anonymous poll.
CREATE TABLE polls (
    conversation_id INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    poll            TEXT    NOT NULL,
    updated_seq     INTEGER NOT NULL,
    mine            TEXT    NOT NULL DEFAULT '[]',
    PRIMARY KEY (conversation_id, seq)
);

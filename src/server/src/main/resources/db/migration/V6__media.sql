-- Media are content-addressed: the id is the SHA-256 (hex) of the bytes, kept once on disk under
-- media/ab/cd/<sha256>. A row exists only after its file was checked and published.
CREATE TABLE media (
    sha256     TEXT    PRIMARY KEY,
    mime       TEXT    NOT NULL,
    size       INTEGER NOT NULL,
    width      INTEGER,
    height     INTEGER,
    uploader   INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL
);

-- Everyone who uploaded the content (the first one is media.uploader). Each may send it and read it back;
-- uploading proves having the bytes, so knowing a hash alone grants nothing.
CREATE TABLE media_owners (
    sha256     TEXT    NOT NULL REFERENCES media (sha256),
    user_id    INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (sha256, user_id)
);

-- The media of a message, in the sender's order. Members of the conversation may read them.
CREATE TABLE message_media (
    conversation_id INTEGER NOT NULL,
    seq             INTEGER NOT NULL,
    position        INTEGER NOT NULL,
    sha256          TEXT    NOT NULL REFERENCES media (sha256),
    PRIMARY KEY (conversation_id, seq, position),
    FOREIGN KEY (conversation_id, seq) REFERENCES messages (conversation_id, seq)
);
CREATE INDEX message_media_by_media ON message_media (sha256);

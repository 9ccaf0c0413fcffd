-- Photos, GIFs and videos of a message, in the sender's order. Keyed like messages by (sender, client_id),
-- so an outbox row and the server's copy that replaces it share them.
CREATE TABLE message_media (
    sender       TEXT    NOT NULL,
    client_id    TEXT    NOT NULL,
    position     INTEGER NOT NULL,
    media_id     TEXT    NOT NULL,
    mime         TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    width        INTEGER,
    height       INTEGER,
    -- While the message waits in the outbox: the file with the bytes to upload, so a restart can resume.
    pending_path TEXT,
    PRIMARY KEY (sender, client_id, position)
);

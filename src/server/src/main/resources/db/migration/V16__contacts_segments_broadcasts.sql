-- Labels and a private note one person keeps about another (the contact panel), synced to all the owner's devices.
CREATE TABLE contact_labels (
    owner_id   INTEGER NOT NULL REFERENCES users (id),
    contact_id INTEGER NOT NULL REFERENCES users (id),
    label      TEXT    NOT NULL,
    PRIMARY KEY (owner_id, contact_id, label)
);
CREATE INDEX contact_labels_by_label ON contact_labels (owner_id, label);

CREATE TABLE contact_notes (
    owner_id   INTEGER NOT NULL REFERENCES users (id),
    contact_id INTEGER NOT NULL REFERENCES users (id),
    note       TEXT    NOT NULL,
    PRIMARY KEY (owner_id, contact_id)
);

-- Saved filters over the owner's contacts; labels are space-separated (a label has no spaces).
CREATE TABLE segments (
    id                   INTEGER PRIMARY KEY,
    owner_id             INTEGER NOT NULL REFERENCES users (id),
    name                 TEXT    NOT NULL,
    labels               TEXT    NOT NULL,
    friends_only         INTEGER NOT NULL DEFAULT 0,
    messaged_within_days INTEGER,
    updated_at           INTEGER NOT NULL,
    UNIQUE (owner_id, name)
);

-- A broadcast: one content (JSON), sent to each recipient the segment held at the time, as a 1:1 message.
CREATE TABLE broadcasts (
    id           INTEGER PRIMARY KEY,
    sender_id    INTEGER NOT NULL REFERENCES users (id),
    client_id    TEXT    NOT NULL,
    segment_name TEXT    NOT NULL,
    content      TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    UNIQUE (sender_id, client_id)
);
CREATE INDEX broadcasts_by_sender ON broadcasts (sender_id, created_at);

-- Each recipient's own rendered text and outcome. Queued ones go out at send_at (throttled); the message's client
-- id is derived from the broadcast and the recipient, so sending twice after a crash stores it once.
CREATE TABLE broadcast_recipients (
    broadcast_id    INTEGER NOT NULL REFERENCES broadcasts (id),
    recipient_id    INTEGER NOT NULL REFERENCES users (id),
    status          TEXT    NOT NULL CHECK (status IN ('queued', 'sent', 'skipped', 'failed')),
    reason          TEXT,
    text            TEXT,
    send_at         INTEGER NOT NULL,
    conversation_id INTEGER REFERENCES conversations (id),
    seq             INTEGER,
    sent_at         INTEGER,
    replied_at      INTEGER,
    PRIMARY KEY (broadcast_id, recipient_id)
);
CREATE INDEX broadcast_due ON broadcast_recipients (send_at) WHERE status = 'queued';
CREATE INDEX broadcast_received ON broadcast_recipients (recipient_id, status);

-- Who replied STOP to whom: no more broadcasts from that sender. broadcast_id is the one they answered.
CREATE TABLE broadcast_opt_outs (
    sender_id    INTEGER NOT NULL REFERENCES users (id),
    recipient_id INTEGER NOT NULL REFERENCES users (id),
    broadcast_id INTEGER REFERENCES broadcasts (id),
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (sender_id, recipient_id)
);

-- Reports of abuse, handled by moderators with the server's `reports` command.
-- reported_name is the reported person's display name when the report was filed (names can change).
CREATE TABLE reports (
    id              INTEGER PRIMARY KEY,
    reporter_id     INTEGER NOT NULL REFERENCES users (id),
    reported_id     INTEGER NOT NULL REFERENCES users (id),
    reported_name   TEXT    NOT NULL,
    conversation_id INTEGER REFERENCES conversations (id),
    reason          TEXT    NOT NULL
        CHECK (reason IN ('spam', 'harassment', 'scam', 'impersonation', 'other')),
    note            TEXT,
    created_at      INTEGER NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
    resolution      TEXT,
    resolved_at     INTEGER
);
CREATE INDEX reports_by_status ON reports (status, id);
CREATE INDEX reports_by_reporter ON reports (reporter_id);

-- The evidence: a copy of the conversation's newest messages, taken in the transaction that stores the
-- report, so that later changes to the messages never alter it. sender is the sender's handle; unsent marks a
-- message its sender had already unsent (its text was gone before the report).
CREATE TABLE report_messages (
    report_id INTEGER NOT NULL REFERENCES reports (id),
    seq       INTEGER NOT NULL,
    sender    TEXT    NOT NULL,
    client_id TEXT    NOT NULL,
    text      TEXT    NOT NULL,
    sent_at   INTEGER NOT NULL,
    unsent    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (report_id, seq)
);

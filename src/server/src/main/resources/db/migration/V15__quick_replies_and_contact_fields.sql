-- Quick replies: saved answers with variables, in their owner's order, synced to every device of the owner.
CREATE TABLE quick_replies (
    id         INTEGER PRIMARY KEY,
    owner_id   INTEGER NOT NULL REFERENCES users (id),
    name       TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (owner_id, name)
);

-- What one person privately keeps about another, for quick replies' custom variables such as {city}.
CREATE TABLE contact_fields (
    owner_id   INTEGER NOT NULL REFERENCES users (id),
    contact_id INTEGER NOT NULL REFERENCES users (id),
    name       TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    PRIMARY KEY (owner_id, contact_id, name)
);

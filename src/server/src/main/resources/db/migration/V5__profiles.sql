-- Profiles: a short bio, up to five niche tags and a picture.
ALTER TABLE users ADD COLUMN bio TEXT;

-- Tags are stored normalised (lower-case, without '#'); search looks them up by prefix.
CREATE TABLE user_tags (
    user_id INTEGER NOT NULL REFERENCES users (id),
    tag     TEXT    NOT NULL,
    PRIMARY KEY (user_id, tag)
);
CREATE INDEX user_tags_by_tag ON user_tags (tag);

-- Pictures as the server re-encoded them, named by the SHA-256 hex of these bytes and stored once.
CREATE TABLE avatars (
    hash       TEXT    PRIMARY KEY,
    mime       TEXT    NOT NULL,
    bytes      BLOB    NOT NULL,
    created_at INTEGER NOT NULL
);
ALTER TABLE users ADD COLUMN avatar_hash TEXT REFERENCES avatars (hash);

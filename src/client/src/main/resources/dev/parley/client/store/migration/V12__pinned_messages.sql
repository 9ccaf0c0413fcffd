-- The pinned messages of a conversation (seqs, comma-separated, oldest pin first), as conv.list and the pin
-- events say.
ALTER TABLE conversations ADD COLUMN pinned TEXT NOT NULL DEFAULT '';

-- A message sharing someone's profile keeps the card it carries (JSON: handle, name, bio, tags, picture).
ALTER TABLE messages ADD COLUMN card TEXT;

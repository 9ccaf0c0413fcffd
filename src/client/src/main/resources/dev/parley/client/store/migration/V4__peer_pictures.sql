-- The SHA-256 of the other person's picture, as conv.list last named it (NULL: initials only).
ALTER TABLE conversations ADD COLUMN peer_avatar TEXT;

-- A sticker message (kind 'text', empty text) names its sticker: the pack, the sticker in it, the emoji it stands
-- for (or NULL) and, for a sticker from a pack the sender imported, the media that holds its image (or NULL for a
-- built-in pack, which every client has). Unsending a sticker clears these like the text.
ALTER TABLE messages ADD COLUMN sticker_pack TEXT;
ALTER TABLE messages ADD COLUMN sticker_id TEXT;
ALTER TABLE messages ADD COLUMN sticker_emoji TEXT;
ALTER TABLE messages ADD COLUMN sticker_media TEXT REFERENCES media (sha256);
CREATE INDEX sticker_media ON messages (sticker_media) WHERE sticker_media IS NOT NULL;

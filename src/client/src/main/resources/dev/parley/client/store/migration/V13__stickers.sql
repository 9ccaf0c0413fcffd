-- A sticker message keeps its sticker (JSON: pack, id, emoji, mediaId); the inbox preview knows when the last
-- message is a sticker, so it can say "Sticker" in the reader's language (last_text holds its emoji, if any).
ALTER TABLE messages ADD COLUMN sticker TEXT;
ALTER TABLE conversations ADD COLUMN last_sticker INTEGER NOT NULL DEFAULT 0;

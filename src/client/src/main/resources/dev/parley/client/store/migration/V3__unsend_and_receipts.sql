-- kind 'unsend' rows are the server's tombstones: kept (never shown) so the cursor runs over their seqs.
ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'unsend'));
-- An unsent message keeps its row with the text erased; the bubble says "Message unsent".
ALTER TABLE messages ADD COLUMN unsent INTEGER NOT NULL DEFAULT 0;
-- Deleted for me only: the text is erased and the row hidden, so history never brings it back.
ALTER TABLE messages ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
-- How far the other person has read, while both share read receipts (NULL otherwise).
ALTER TABLE conversations ADD COLUMN peer_read_seq INTEGER;
ALTER TABLE conversations ADD COLUMN last_unsent INTEGER NOT NULL DEFAULT 0;

-- 'unsend' rows are tombstones: they take their own seq (so clients catch up on them through sync) and name
-- the unsent message in target_seq. The unsent message keeps its row and seq, with its text erased.
ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'unsend'));
ALTER TABLE messages ADD COLUMN target_seq INTEGER;
ALTER TABLE messages ADD COLUMN unsent_at INTEGER;
CREATE UNIQUE INDEX one_tombstone_per_message ON messages (conversation_id, target_seq) WHERE kind = 'unsend';

-- Read receipts are shared only while both people in a 1:1 conversation turn them on.
ALTER TABLE users ADD COLUMN read_receipts INTEGER NOT NULL DEFAULT 0 CHECK (read_receipts IN (0, 1));
-- Who sees the user online and typing; reciprocal.
ALTER TABLE users ADD COLUMN presence TEXT NOT NULL DEFAULT 'friends' CHECK (presence IN ('friends', 'nobody'));

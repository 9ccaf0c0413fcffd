-- Pinned messages: when a message was pinned (null when it is not). Each pin or unpin is also a message row of
-- kind 'pin' (target_seq, text 'pin' or 'unpin') so every device learns of it in seq order.
ALTER TABLE messages ADD COLUMN pinned_at INTEGER;
CREATE INDEX pinned_messages ON messages (conversation_id, pinned_at) WHERE pinned_at IS NOT NULL;

-- A message that shares someone's profile as a card names them here.
ALTER TABLE messages ADD COLUMN card_user_id INTEGER REFERENCES users (id);

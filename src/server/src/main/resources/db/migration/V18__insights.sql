-- Insights (PROTOCOL §11.11). When and how the member decided a message request addressed to them: 'ACCEPTED'
-- (request.accept, or replying to it) or 'DECLINED' (request.decline), at request_decided_at (epoch ms). Kept apart
-- from state, which can change later (e.g. becoming friends accepts a declined conversation). Requests decided
-- before this migration have no record (NULL) and are not counted.
ALTER TABLE members ADD COLUMN request_decision TEXT CHECK (request_decision IN ('ACCEPTED', 'DECLINED'));
ALTER TABLE members ADD COLUMN request_decided_at INTEGER;
CREATE INDEX request_decisions ON members (user_id, request_decided_at) WHERE request_decided_at IS NOT NULL;

-- Counting a person's messages over a period reads each of their conversations' messages by time.
CREATE INDEX messages_by_time ON messages (conversation_id, sent_at);

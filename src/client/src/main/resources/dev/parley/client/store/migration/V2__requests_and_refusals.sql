-- A message request the user has not accepted yet (shown under Requests, not in the main list).
ALTER TABLE conversations ADD COLUMN request INTEGER NOT NULL DEFAULT 0;
-- Why the server refused an own message (an error code such as privacy_denied), for a plain-words reason.
ALTER TABLE messages ADD COLUMN failure TEXT;

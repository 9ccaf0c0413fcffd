-- Who can send a user direct messages: 'everyone' (strangers arrive as requests), 'friends', 'no_one'.
ALTER TABLE users ADD COLUMN dm_policy TEXT NOT NULL DEFAULT 'everyone'
    CHECK (dm_policy IN ('everyone', 'friends', 'no_one'));

-- A member's stand towards a direct conversation: see dev.parley.server.social.MemberState.
-- Conversations from before this migration were already accepted.
ALTER TABLE members ADD COLUMN state TEXT NOT NULL DEFAULT 'ACCEPTED'
    CHECK (state IN ('PENDING', 'REQUEST', 'ACCEPTED', 'DECLINED'));

-- Friends are two people who follow each other.
CREATE TABLE follows (
    follower_id INTEGER NOT NULL REFERENCES users (id),
    followee_id INTEGER NOT NULL REFERENCES users (id),
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (follower_id, followee_id)
);
CREATE INDEX follows_by_followee ON follows (followee_id);

CREATE TABLE blocks (
    blocker_id INTEGER NOT NULL REFERENCES users (id),
    blocked_id INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX blocks_by_blocked ON blocks (blocked_id);

-- The small preview (an image of at most 400 × 400) a sender attached to a media item of a message, if any.
ALTER TABLE message_media ADD COLUMN thumb_sha256 TEXT REFERENCES media (sha256);

-- The small still preview a photo or video carries (a video's poster frame), shown before the full download;
-- while the message waits in the outbox, the file with the preview's bytes to upload.
ALTER TABLE message_media ADD COLUMN thumb_id TEXT;
ALTER TABLE message_media ADD COLUMN thumb_mime TEXT;
ALTER TABLE message_media ADD COLUMN thumb_size INTEGER;
ALTER TABLE message_media ADD COLUMN thumb_width INTEGER;
ALTER TABLE message_media ADD COLUMN thumb_height INTEGER;
ALTER TABLE message_media ADD COLUMN thumb_pending_path TEXT;
-- How many of the last message's media are videos, so the conversation list says "Video" rather than "Photo".
ALTER TABLE conversations ADD COLUMN last_videos INTEGER NOT NULL DEFAULT 0;

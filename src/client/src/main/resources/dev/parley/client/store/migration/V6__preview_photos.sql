-- How many photos the message the preview shows carries, so a photo without a caption reads "Photo".
ALTER TABLE conversations ADD COLUMN last_media INTEGER NOT NULL DEFAULT 0;

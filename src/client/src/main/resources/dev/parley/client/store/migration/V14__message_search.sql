-- A full-text index of the cached messages' text, to find words in a chat (and later across chats). It is an
-- external-content index over messages: triggers keep it in step with every insert, every change of text
-- (unsend and "delete for me" erase it) and every delete. (V13 is taken by another branch.)
CREATE VIRTUAL TABLE message_search USING fts5(text, content = 'messages', content_rowid = 'local_id',
    tokenize = 'unicode61 remove_diacritics 2');
-- Erased text must leave the index at once, not linger in old segments until a merge.
INSERT INTO message_search (message_search, rank) VALUES ('secure-delete', 1);
INSERT INTO message_search (message_search) VALUES ('rebuild');

CREATE TRIGGER message_search_insert AFTER INSERT ON messages BEGIN
    INSERT INTO message_search (rowid, text) VALUES (new.local_id, new.text);
END;

CREATE TRIGGER message_search_delete AFTER DELETE ON messages BEGIN
    INSERT INTO message_search (message_search, rowid, text) VALUES ('delete', old.local_id, old.text);
END;

CREATE TRIGGER message_search_update AFTER UPDATE OF text ON messages BEGIN
    INSERT INTO message_search (message_search, rowid, text) VALUES ('delete', old.local_id, old.text);
    INSERT INTO message_search (rowid, text) VALUES (new.local_id, new.text);
END;

package dev.parley.server.store.sqlite;

import dev.parley.protocol.UserProfile;
import dev.parley.server.store.jdbc.Rows;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** The two ranked people searches: by handle or name, and by niche tag ({@code #photo}). */
final class PeopleSearch {
    /** Hides the viewer and anyone blocked either way; binds the viewer's id three times. */
    private static final String VISIBLE = " u.id <> ? AND NOT EXISTS (SELECT 1 FROM blocks b"
            + " WHERE (b.blocker_id = u.id AND b.blocked_id = ?) OR (b.blocker_id = ? AND b.blocked_id = u.id))";
    // Rank: exact handle, handle prefix, a word of the name starting with it, the name containing it.
    private static final String BY_NAME = "SELECT * FROM (SELECT " + Profiles.COLUMNS + ", CASE"
            + "  WHEN u.handle = ? THEN 0"
            + "  WHEN u.handle LIKE ? || '%' ESCAPE '\\' THEN 1"
            + "  WHEN lower(u.display_name) LIKE ? || '%' ESCAPE '\\'"
            + "    OR lower(u.display_name) LIKE '% ' || ? || '%' ESCAPE '\\' THEN 2"
            + "  WHEN lower(u.display_name) LIKE '%' || ? || '%' ESCAPE '\\' THEN 3 END AS rank"
            + " FROM users u WHERE" + VISIBLE
            + ") ranked WHERE rank IS NOT NULL ORDER BY rank, handle LIMIT ? OFFSET ?";
    // Rank: has exactly the tag, has a tag starting with it; then the most followed first. Tags are [a-z0-9_],
    // all below '~', so the prefix is a range on the tag index.
    private static final String BY_TAG = "SELECT " + Profiles.COLUMNS + " FROM users u JOIN ("
            + " SELECT user_id, MIN(CASE WHEN tag = ? THEN 0 ELSE 1 END) AS rank FROM user_tags"
            + "  WHERE tag >= ? AND tag < ? || '~' GROUP BY user_id) m ON m.user_id = u.id"
            + " WHERE" + VISIBLE
            + " ORDER BY m.rank, (SELECT COUNT(*) FROM follows f WHERE f.followee_id = u.id) DESC, u.handle"
            + " LIMIT ? OFFSET ?";

    private PeopleSearch() {
    }

    /** Up to {@code limit + 1} people, so the caller can tell whether another page exists. */
    static List<UserProfile> byName(DataSource readers, long viewerId, String query, int offset, int limit) {
        String lower = query.toLowerCase(Locale.ROOT);
        String q = escape(lower);
        return Rows.read(readers, c -> Rows.list(c, BY_NAME, Profiles::profile,
                lower, q, q, q, q, viewerId, viewerId, viewerId, limit + 1, offset));
    }

    static List<UserProfile> byTag(DataSource readers, long viewerId, String tag, int offset, int limit) {
        return Rows.read(readers, c -> Rows.list(c, BY_TAG, Profiles::profile,
                tag, tag, tag, viewerId, viewerId, viewerId, limit + 1, offset));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

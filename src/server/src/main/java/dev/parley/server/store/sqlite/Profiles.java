package dev.parley.server.store.sqlite;

import static dev.parley.server.store.jdbc.Rows.instant;

import dev.parley.protocol.UserProfile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** The one way the SQLite stores read a {@link UserProfile}: columns of {@code users} aliased {@code u}. */
final class Profiles {
    /** Select-list of a profile; the table {@code users} must be aliased {@code u}. */
    static final String COLUMNS = "u.handle, u.display_name, u.created_at, u.bio, u.avatar_hash,"
            + " (SELECT string_agg(t.tag, ' ' ORDER BY t.tag) FROM user_tags t WHERE t.user_id = u.id) AS tags";

    private Profiles() {
    }

    static UserProfile profile(ResultSet row) throws SQLException {
        String tags = row.getString("tags");
        return new UserProfile(row.getString("handle"), row.getString("display_name"), instant(row, "created_at"),
                row.getString("bio"), tags == null ? List.of() : Arrays.asList(tags.split(" ")),
                row.getString("avatar_hash"));
    }
}

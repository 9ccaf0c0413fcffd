package dev.parley.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.ProtocolException;
import dev.parley.server.store.sqlite.SqliteDatabase;
import dev.parley.server.store.sqlite.SqliteGroupStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group holds at most {@value Limits#MAX_GROUP_MEMBERS} members. A thousand accounts are too many to register
 * over the wire in a test, so they are written into the real database file directly; the group store under test
 * is the real one.
 */
class GroupLimitTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dataDir;
    SqliteDatabase db;
    SqliteGroupStore groups;

    @BeforeEach
    void open() throws Exception {
        db = SqliteDatabase.open(dataDir, 2);
        groups = new SqliteGroupStore(db);
        // User 1 is the owner; users 2..1001 are all friends of theirs.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteDatabase.FILE_NAME))) {
            c.setAutoCommit(false);
            try (PreparedStatement user = c.prepareStatement("INSERT INTO users (id, handle, display_name,"
                    + " password_hash, created_at) VALUES (?, ?, ?, 'x', 0)");
                    PreparedStatement follow = c.prepareStatement("INSERT INTO follows (follower_id, followee_id,"
                            + " created_at) VALUES (?, ?, 0)")) {
                for (int id = 1; id <= Limits.MAX_GROUP_MEMBERS + 1; id++) {
                    user.setInt(1, id);
                    user.setString(2, "person" + id);
                    user.setString(3, "Person " + id);
                    user.addBatch();
                    if (id > 1) {
                        follow.setInt(1, 1);
                        follow.setInt(2, id);
                        follow.addBatch();
                        follow.setInt(1, id);
                        follow.setInt(2, 1);
                        follow.addBatch();
                    }
                }
                user.executeBatch();
                follow.executeBatch();
            }
            c.commit();
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aGroupFillsToAThousandAndTheNextAddChangesNothing() {
        List<String> others = new ArrayList<>();
        for (int id = 2; id <= Limits.MAX_GROUP_MEMBERS; id++) {
            others.add("person" + id);
        }
        GroupStore.GroupWrite created = groups.create(1, UUID.randomUUID(), "Everyone", null, others, NOW).join();
        long group = created.conversationId();
        assertThat(created.added()).hasSize(Limits.MAX_GROUP_MEMBERS - 1);
        assertThat(created.lines().get(0).memberIds()).hasSize(Limits.MAX_GROUP_MEMBERS);

        assertThatThrownBy(() -> groups.add(group, 1, List.of("person1001"), NOW).join())
                .isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(ProtocolException.class)
                .satisfies(e -> assertThat(((ProtocolException) e).code()).isEqualTo(ErrorCode.BAD_REQUEST));

        assertThat(groups.members(group, 1).members()).hasSize(Limits.MAX_GROUP_MEMBERS);
        assertThat(groups.members(group, 2).members()).noneMatch(m -> m.user().handle().equals("person1001"));
    }
}

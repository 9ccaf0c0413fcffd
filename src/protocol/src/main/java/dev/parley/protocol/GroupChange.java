package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The details of a {@link MessageKind#SYSTEM} line: what happened ({@code action}), to whom ({@code members},
 * handles), and the group's new {@code title} or {@code description} where the action sets them.
 */
public record GroupChange(GroupAction action, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> members,
        String title, String description) {

    public GroupChange {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public GroupChange(GroupAction action, List<String> members) {
        this(action, members, null, null);
    }
}

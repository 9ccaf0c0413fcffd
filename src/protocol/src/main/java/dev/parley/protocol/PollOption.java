package dev.parley.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One option of a {@link Poll}: its text, how many people chose it and, only when the poll is not anonymous, who
 * (handles, in the order they voted).
 */
public record PollOption(String text, int votes, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> handles) {
    public PollOption {
        handles = handles == null ? List.of() : List.copyOf(handles);
    }
}

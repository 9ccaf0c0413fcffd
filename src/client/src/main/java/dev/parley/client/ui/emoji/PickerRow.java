package dev.parley.client.ui.emoji;

import dev.parley.client.emoji.Emoji;
import java.util.List;

/** A row of the picker's grid: a section heading, or up to a row's worth of emoji. */
public sealed interface PickerRow {
    /** A section's title ("Smileys & emotion", "Recently used", "Search results"). */
    record Heading(String title, Section section) implements PickerRow {
    }

    /** Emoji side by side; {@code first} is the index of the first one among all emoji shown. */
    record Cells(List<Emoji> emoji, int first, Section section) implements PickerRow {
        public Cells {
            emoji = List.copyOf(emoji);
        }
    }

    /** Which part of the picker a row belongs to: recent emoji, a category, or search results. */
    record Section(String id) {
        public static final Section RECENT = new Section("recent");
        public static final Section RESULTS = new Section("results");
    }

    Section section();
}

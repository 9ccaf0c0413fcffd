package dev.parley.client.ui.emoji;

import dev.parley.client.emoji.Emoji;
import dev.parley.client.emoji.EmojiCatalogue;
import dev.parley.client.emoji.EmojiCategory;
import dev.parley.client.emoji.EmojiMemory;
import dev.parley.client.emoji.SkinTone;
import dev.parley.client.ui.ViewLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The emoji picker: what it lists (recently used first, then every category; or what matches the search), the
 * skin tone it draws people in, and the emoji the keyboard has selected. Picking one remembers it as recent and
 * hands its characters, in the chosen tone, to whoever inserts them.
 */
public final class EmojiPickerViewModel {
    /** Emoji per row of the grid. */
    public static final int COLUMNS = 9;

    private final EmojiCatalogue catalogue;
    private final EmojiMemory memory;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObjectProperty<SkinTone> tone = new SimpleObjectProperty<>(this, "tone");
    private final ObservableList<PickerRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Emoji> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(this, "selectedIndex", -1);
    private final ReadOnlyObjectWrapper<PickerRow.Section> section = new ReadOnlyObjectWrapper<>(this, "section");
    private final List<Emoji> shown = new ArrayList<>();
    private List<String> listedRecent = List.of();
    private Consumer<String> onPick = text -> { };

    public EmojiPickerViewModel(EmojiCatalogue catalogue, EmojiMemory memory) {
        this.catalogue = catalogue;
        this.memory = memory;
        tone.set(memory.tone());
        tone.addListener((obs, old, chosen) -> {
            if (chosen != null && chosen != memory.tone()) {
                memory.choose(chosen);
            }
        });
        query.addListener((obs, old, typed) -> rebuild());
        rebuild();
    }

    /** Where picked emoji go: the composer, at its caret. */
    public void setOnPick(Consumer<String> onPick) {
        this.onPick = Objects.requireNonNull(onPick);
    }

    /** The section for each category, in tab order. */
    public static PickerRow.Section sectionOf(EmojiCategory category) {
        return new PickerRow.Section(category.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The picker opens again: the search is cleared and the list starts at the top, with the recent row as it is
     * now. Nothing is rebuilt when nothing changed, so opening again is quick.
     */
    public void reopen() {
        if (query.get() != null && !query.get().isEmpty()) {
            query.set("");
        } else if (!memory.recent().equals(listedRecent)) {
            rebuild();
        } else {
            selectIndex(shown.isEmpty() ? -1 : 0);
            section.set(rows.isEmpty() ? null : rows.get(0).section());
        }
    }

    /** Lists everything again for the current search and recent emoji. */
    private void rebuild() {
        shown.clear();
        listedRecent = memory.recent();
        List<PickerRow> next = new ArrayList<>();
        String typed = query.get() == null ? "" : query.get().strip();
        if (typed.isEmpty()) {
            List<Emoji> recent = memory.recent().stream().map(catalogue::byShortName).flatMap(Optional::stream)
                    .toList();
            addSection(next, PickerRow.Section.RECENT, ViewLoader.text("emoji.section.recent"), recent);
            for (EmojiCategory category : EmojiCategory.values()) {
                if (category.listed()) {
                    addSection(next, sectionOf(category), categoryTitle(category), catalogue.inCategory(category));
                }
            }
        } else {
            List<Emoji> found = new ArrayList<>(catalogue.search(typed));
            // Among matches, the ones the person uses come first.
            List<String> recent = memory.recent();
            found.sort(Comparator.comparingInt(e -> {
                int at = recent.indexOf(e.shortName());
                return at < 0 ? Integer.MAX_VALUE : at;
            }));
            addSection(next, PickerRow.Section.RESULTS, null, found);
        }
        rows.setAll(next);
        section.set(next.isEmpty() ? null : next.get(0).section());
        selectIndex(shown.isEmpty() ? -1 : 0);
    }

    public static String categoryTitle(EmojiCategory category) {
        return ViewLoader.text("emoji.category." + category.name().toLowerCase(Locale.ROOT));
    }

    private void addSection(List<PickerRow> into, PickerRow.Section section, String title, List<Emoji> emoji) {
        if (emoji.isEmpty()) {
            return;
        }
        if (title != null) {
            into.add(new PickerRow.Heading(title, section));
        }
        for (int from = 0; from < emoji.size(); from += COLUMNS) {
            into.add(new PickerRow.Cells(emoji.subList(from, Math.min(emoji.size(), from + COLUMNS)),
                    shown.size() + from, section));
        }
        shown.addAll(emoji);
    }

    /** The row a section starts at (its heading), or -1 when it shows nothing now. */
    public int rowOf(PickerRow.Section wanted) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).section().equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** A category tab was chosen: its section becomes current and its first emoji selected. */
    public void jumpTo(PickerRow.Section wanted) {
        int row = rowOf(wanted);
        if (row >= 0) {
            rows.stream().skip(row).filter(PickerRow.Cells.class::isInstance).findFirst()
                    .ifPresent(cells -> selectIndex(((PickerRow.Cells) cells).first()));
        }
    }

    /** The grid scrolled so that {@code row} is at the top: its section is the current one. */
    public void scrolledTo(int row) {
        if (row >= 0 && row < rows.size()) {
            section.set(rows.get(row).section());
        }
    }

    /**
     * Moves the selection by {@code columns} across and {@code lines} down, the way arrow keys move through a
     * grid whose sections may end with a short row.
     */
    public void move(int columns, int lines) {
        if (shown.isEmpty()) {
            return;
        }
        int rowIndex = selectedRow();
        if (rowIndex < 0) {
            selectIndex(0);
            return;
        }
        PickerRow.Cells row = (PickerRow.Cells) rows.get(rowIndex);
        int column = selectedIndex.get() - row.first();
        if (lines == 0) {
            selectIndex(Math.max(0, Math.min(shown.size() - 1, selectedIndex.get() + columns)));
            return;
        }
        int target = rowIndex;
        for (int step = 0; step < Math.abs(lines); step++) {
            int next = target;
            do {
                next += Integer.signum(lines);
            } while (next >= 0 && next < rows.size() && !(rows.get(next) instanceof PickerRow.Cells));
            if (next < 0 || next >= rows.size()) {
                break;
            }
            target = next;
        }
        PickerRow.Cells line = (PickerRow.Cells) rows.get(target);
        selectIndex(line.first() + Math.min(column, line.emoji().size() - 1));
    }

    /** The grid row holding the selected emoji, or -1. */
    public int selectedRow() {
        int index = selectedIndex.get();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof PickerRow.Cells cells && index >= cells.first()
                    && index < cells.first() + cells.emoji().size()) {
                return i;
            }
        }
        return -1;
    }

    /** Selects the emoji at this place among all shown (an emoji may show twice: recently used and in its category). */
    public void selectIndex(int index) {
        if (index < 0 || index >= shown.size()) {
            selectedIndex.set(-1);
            selected.set(null);
            return;
        }
        selectedIndex.set(index);
        selected.set(shown.get(index));
        int row = selectedRow();
        if (row >= 0) {
            section.set(rows.get(row).section());
        }
    }

    /** Inserts the selected emoji; false when nothing is selected. */
    public boolean pickSelected() {
        Emoji current = selected.get();
        if (current != null) {
            pick(current);
        }
        return current != null;
    }

    /** Inserts {@code emoji} in the chosen skin tone and remembers it as recently used. */
    public void pick(Emoji emoji) {
        memory.used(emoji);
        onPick.accept(emoji.in(toneOrNone()).text());
    }

    private SkinTone toneOrNone() {
        return tone.get() == null ? SkinTone.NONE : tone.get();
    }

    public EmojiCatalogue catalogue() {
        return catalogue;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<SkinTone> toneProperty() {
        return tone;
    }

    public ObservableList<PickerRow> rows() {
        return rows;
    }

    /** The emoji Enter would insert: the first match after a search, then where the arrow keys moved. */
    public ReadOnlyObjectProperty<Emoji> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Where the selected emoji is among all shown (see {@link PickerRow.Cells#first()}); -1 for none. */
    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }

    /** The section being looked at, for the tab strip to highlight. */
    public ReadOnlyObjectProperty<PickerRow.Section> sectionProperty() {
        return section.getReadOnlyProperty();
    }
}

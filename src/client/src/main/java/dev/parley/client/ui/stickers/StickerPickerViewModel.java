package dev.parley.client.ui.stickers;

import dev.parley.client.media.Sha256;
import dev.parley.client.stickers.PickedSticker;
import dev.parley.client.stickers.StickerEntry;
import dev.parley.client.stickers.StickerImport;
import dev.parley.client.stickers.StickerImportException;
import dev.parley.client.stickers.StickerLibrary;
import dev.parley.client.stickers.StickerMemory;
import dev.parley.client.stickers.StickerPack;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.Sticker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Stickers tab of the picker: recently sent stickers first, then each pack as a section; a search by keyword,
 * id or emoji; a selection the arrow keys move; a pick sends at once; importing a pack from a folder or zip. Changed
 * on the FX thread only; reading images and importing run on {@code background}.
 */
public final class StickerPickerViewModel {
    public static final int COLUMNS = 4;
    public static final String RECENT = "recent";
    private static final Logger log = LoggerFactory.getLogger(StickerPickerViewModel.class);

    private final StickerLibrary library;
    private final StickerMemory memory;
    private final Path accountDir;
    private final Executor background;
    private final ObservableList<StickerRow> rows = FXCollections.observableArrayList();
    private final ObservableList<StickerRow> sections = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final List<StickerRow.Choice> flat = new ArrayList<>();
    private Consumer<PickedSticker> onPick = picked -> { };
    private Consumer<PickedSticker> onSchedule = picked -> { };

    public StickerPickerViewModel(StickerLibrary library, StickerMemory memory, Path accountDir, Executor background) {
        this.library = library;
        this.memory = memory;
        this.accountDir = accountDir;
        this.background = background;
        query.addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    /** Where a sticker goes when the person chooses "Schedule…" on it instead of sending it now. */
    public void setOnSchedule(Consumer<PickedSticker> onSchedule) {
        this.onSchedule = onSchedule;
    }

    public void setOnPick(Consumer<PickedSticker> onPick) {
        this.onPick = onPick;
    }

    public ObservableList<StickerRow> rows() {
        return rows;
    }

    /** The section headers (Recent, then each pack), for the pack strip. */
    public ObservableList<StickerRow> sections() {
        return sections;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    /** What the last import did, in words (empty when nothing to say). */
    public StringProperty statusProperty() {
        return status;
    }

    public StickerLibrary library() {
        return library;
    }

    /** Rebuilds the grid from the library, the recent list and the query. */
    public void rebuild() {
        String wanted = query.get() == null ? "" : query.get().strip().toLowerCase(Locale.ROOT);
        rows.clear();
        sections.clear();
        flat.clear();
        if (wanted.isEmpty()) {
            List<StickerRow.Choice> recent = new ArrayList<>();
            for (String key : memory.recent()) {
                int slash = key.indexOf('/');
                Optional<StickerPack> pack = slash < 0 ? Optional.empty() : library.pack(key.substring(0, slash));
                pack.flatMap(found -> found.sticker(key.substring(slash + 1)))
                        .ifPresent(entry -> recent.add(new StickerRow.Choice(pack.get(), entry, 0)));
            }
            addSection(RECENT, ViewLoader.text("stickers.section.recent"), recent);
        }
        for (StickerPack pack : library.packs()) {
            List<StickerRow.Choice> found = pack.stickers().stream().filter(entry -> entry.matches(wanted))
                    .map(entry -> new StickerRow.Choice(pack, entry, 0)).toList();
            addSection(pack.id(), pack.title(), found);
        }
        selectedIndex.set(flat.isEmpty() ? -1 : 0);
    }

    private void addSection(String id, String title, List<StickerRow.Choice> choices) {
        if (choices.isEmpty()) {
            return;
        }
        StickerRow header = new StickerRow(id, title, List.of());
        rows.add(header);
        sections.add(header);
        List<StickerRow.Choice> line = new ArrayList<>();
        for (StickerRow.Choice choice : choices) {
            StickerRow.Choice placed = new StickerRow.Choice(choice.pack(), choice.entry(), flat.size());
            flat.add(placed);
            line.add(placed);
            if (line.size() == COLUMNS) {
                rows.add(new StickerRow(id, title, List.copyOf(line)));
                line.clear();
            }
        }
        if (!line.isEmpty()) {
            rows.add(new StickerRow(id, title, List.copyOf(line)));
        }
    }

    /** The grid row of a section's title, or -1. */
    public int rowOf(String section) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).header() && rows.get(i).section().equals(section)) {
                return i;
            }
        }
        return -1;
    }

    /** The grid row that holds the selected sticker, or -1. */
    public int selectedRow() {
        int index = selectedIndex.get();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).stickers().stream().anyMatch(choice -> choice.index() == index)) {
                return i;
            }
        }
        return -1;
    }

    /** Moves the selection: by one sticker sideways, by a row of {@value #COLUMNS} up or down. */
    public void move(int columns, int lines) {
        if (flat.isEmpty()) {
            return;
        }
        int next = selectedIndex.get() + columns + lines * COLUMNS;
        selectedIndex.set(Math.max(0, Math.min(flat.size() - 1, next)));
    }

    public void select(int index) {
        selectedIndex.set(index);
    }

    /** Sends the selected sticker; false when nothing is selected. */
    public boolean pickSelected() {
        int index = selectedIndex.get();
        if (index < 0 || index >= flat.size()) {
            return false;
        }
        pick(flat.get(index));
        return true;
    }

    /** Sends this sticker (an imported one after its image is read, off the FX thread) and remembers it. */
    public void pick(StickerRow.Choice choice) {
        memory.used(choice.pack().id(), choice.entry().id());
        resolve(choice, onPick);
    }

    /** Hands this sticker over to be scheduled rather than sent now. */
    public void schedule(StickerRow.Choice choice) {
        resolve(choice, onSchedule);
    }

    /** The sticker as it is sent: a built-in one at once, an imported one with its image (read off the FX thread). */
    private void resolve(StickerRow.Choice choice, Consumer<PickedSticker> then) {
        StickerPack pack = choice.pack();
        StickerEntry entry = choice.entry();
        if (!pack.imported()) {
            then.accept(new PickedSticker(new Sticker(pack.id(), entry.id(), entry.emoji()), null));
            return;
        }
        CompletableFuture.supplyAsync(() -> library.image(pack.id(), entry.id()), background)
                .thenAccept(image -> Platform.runLater(() -> image.ifPresentOrElse(
                        bytes -> then.accept(new PickedSticker(new Sticker(pack.id(), entry.id(), entry.emoji(),
                                Sha256.of(bytes)), bytes)),
                        () -> log.warn("The sticker {}/{} has no image any more", pack.id(), entry.id()))));
    }

    /** Imports a pack from a folder or zip; the grid shows it when it is in, the status says what happened. */
    public CompletableFuture<Void> importPack(Path source) {
        status.set(ViewLoader.text("stickers.import.working"));
        return CompletableFuture.runAsync(() -> {
            String result;
            try {
                StickerPack pack = StickerImport.importInto(source, accountDir, library);
                result = ViewLoader.text("stickers.import.done", pack.title(), pack.stickers().size());
            } catch (StickerImportException e) {
                log.info("Sticker pack {} refused: {}", source.getFileName(), e.getMessage());
                result = refusal(e);
            }
            String said = result;
            Platform.runLater(() -> {
                status.set(said);
                rebuild();
            });
        }, background);
    }

    static String refusal(StickerImportException e) {
        String file = e.file() == null ? "" : e.file();
        return switch (e.reason()) {
            case EMPTY -> ViewLoader.text("stickers.import.empty");
            case UNSAFE_PATH -> ViewLoader.text("stickers.import.unsafePath", file);
            case DUPLICATE -> ViewLoader.text("stickers.import.duplicate", file);
            case TOO_DEEP -> ViewLoader.text("stickers.import.tooDeep", file, StickerImport.MAX_DEPTH);
            case LINK -> ViewLoader.text("stickers.import.link", file);
            case TOO_MANY_FILES -> ViewLoader.text("stickers.import.tooMany", StickerImport.MAX_FILES);
            case TOO_LARGE -> ViewLoader.text("stickers.import.tooLarge");
            case BAD_PICTURE -> ViewLoader.text("stickers.import.badPicture", file);
            case UNREADABLE -> ViewLoader.text("stickers.import.unreadable");
        };
    }
}

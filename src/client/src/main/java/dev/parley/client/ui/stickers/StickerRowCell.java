package dev.parley.client.ui.stickers;

import dev.parley.client.stickers.StickerLibrary;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.Sticker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** One row of the sticker grid: a section title, or up to four stickers (hover selects, a click sends). */
final class StickerRowCell extends ListCell<StickerRow> {
    static final double SLOT = 84;
    static final double PICTURE = 72;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final StickerPickerViewModel model;
    private final CompletableFuture<StickerLibrary> library;
    private final Label title = new Label();
    private final HBox line = new HBox(4);
    private final List<StackPane> slots = new ArrayList<>();

    StickerRowCell(StickerPickerViewModel model) {
        this.model = model;
        this.library = CompletableFuture.completedFuture(model.library());
        getStyleClass().add("sticker-row-cell");
        title.getStyleClass().add("sticker-section-title");
        line.getStyleClass().add("sticker-row");
        for (int i = 0; i < StickerPickerViewModel.COLUMNS; i++) {
            ImageView view = new ImageView();
            view.setFitWidth(PICTURE);
            view.setFitHeight(PICTURE);
            view.setPreserveRatio(true);
            view.setSmooth(true);
            StackPane slot = new StackPane(view);
            slot.getStyleClass().add("sticker-slot");
            slot.setPrefSize(SLOT, SLOT);
            slot.setMinSize(SLOT, SLOT);
            slots.add(slot);
        }
        line.getChildren().setAll(slots);
    }

    @Override
    protected void updateItem(StickerRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        if (row.header()) {
            title.setText(row.title());
            setGraphic(title);
            return;
        }
        for (int i = 0; i < slots.size(); i++) {
            StackPane slot = slots.get(i);
            ImageView view = (ImageView) slot.getChildren().get(0);
            StickerRow.Choice choice = i < row.stickers().size() ? row.stickers().get(i) : null;
            slot.setVisible(choice != null);
            slot.setUserData(choice);
            view.setImage(null);
            if (choice == null) {
                slot.setOnMouseClicked(null);
                slot.setOnMouseEntered(null);
                slot.setOnContextMenuRequested(null);
                continue;
            }
            String name = ViewLoader.text("stickers.accessible", choice.entry().emoji() == null ? choice.entry().id()
                    : choice.entry().emoji() + " " + choice.entry().id(), choice.pack().title());
            slot.setId("sticker-" + choice.pack().id() + "-" + choice.entry().id());
            slot.setAccessibleText(name);
            Tooltip.install(slot, new Tooltip(name));
            slot.setOnMouseClicked(event -> model.pick(choice));
            slot.setOnMouseEntered(event -> model.select(choice.index()));
            slot.setOnContextMenuRequested(event -> {
                javafx.scene.control.MenuItem later = new javafx.scene.control.MenuItem(
                        ViewLoader.text("schedule.sticker.menu"));
                later.setId("scheduleStickerItem");
                later.setOnAction(action -> model.schedule(choice));
                new javafx.scene.control.ContextMenu(later).show(slot, event.getScreenX(), event.getScreenY());
                event.consume();
            });
            Sticker sticker = new Sticker(choice.pack().id(), choice.entry().id(), null);
            StickerImages.image(library, sticker, PICTURE, id -> CompletableFuture.failedFuture(
                    new IllegalStateException("the picker shows only local stickers"))).thenAccept(found ->
                    Platform.runLater(() -> {
                        if (slot.getUserData() == choice) {
                            view.setImage(found.orElse(null));
                        }
                    }));
        }
        showSelection(model.selectedIndexProperty().get());
        setGraphic(line);
    }

    void showSelection(int index) {
        for (StackPane slot : slots) {
            slot.pseudoClassStateChanged(SELECTED, slot.getUserData() instanceof StickerRow.Choice choice
                    && choice.index() == index && slot.isVisible());
        }
    }
}

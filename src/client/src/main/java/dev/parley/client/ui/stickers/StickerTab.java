package dev.parley.client.ui.stickers;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import dev.parley.client.stickers.StickerEntry;
import dev.parley.protocol.Sticker;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/**
 * The view of the picker's Stickers tab, on the nodes the picker's FXML declares for it: search, Import, the pack
 * strip and the grid. It binds them to a {@link StickerPickerViewModel} and answers the arrow keys and Enter.
 */
public final class StickerTab {
    private static final double STRIP_ICON = 24;

    private final StickerPickerViewModel model;
    private final ListView<StickerRow> grid;
    private final HBox packBar;
    private final StickerPackChooser chooser;
    private final List<StickerRowCell> cells = new ArrayList<>();
    private final ToggleGroup packGroup = new ToggleGroup();

    public StickerTab(StickerPickerViewModel model, TextField search, Button importButton, HBox packBar,
            ListView<StickerRow> grid, Label noResults, Label status, StickerPackChooser chooser) {
        this.model = model;
        this.grid = grid;
        this.packBar = packBar;
        this.chooser = chooser;
        search.textProperty().bindBidirectional(model.queryProperty());
        grid.setItems(model.rows());
        grid.setCellFactory(list -> {
            StickerRowCell cell = new StickerRowCell(model);
            cells.add(cell);
            return cell;
        });
        noResults.visibleProperty().bind(Bindings.isEmpty(model.rows()));
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        model.selectedIndexProperty().addListener((obs, old, index) ->
                cells.forEach(cell -> cell.showSelection(index.intValue())));
        model.sections().addListener((javafx.collections.ListChangeListener<StickerRow>) change -> buildPackBar());
        importButton.setOnAction(event -> importPack(importButton.getScene().getWindow()));
        buildPackBar();
    }

    /** Opens the chooser and imports what the person picked. */
    private void importPack(Window owner) {
        chooser.choose(owner).ifPresent(model::importPack);
    }

    /** Arrow keys and Enter while the tab shows; true when the key was this tab's. */
    public boolean onArrow(int columns, int lines) {
        model.move(columns, lines);
        int row = model.selectedRow();
        if (row >= 0 && flow() != null) {
            flow().scrollTo(row);
        }
        return true;
    }

    public boolean pickSelected() {
        return model.pickSelected();
    }

    /** Called when the picker opens again: a fresh search, and recent stickers may have changed. */
    public void reopen() {
        model.queryProperty().set("");
        model.rebuild();
        grid.scrollTo(0);
    }

    private void buildPackBar() {
        packBar.getChildren().clear();
        for (StickerRow section : model.sections()) {
            ToggleButton button = new ToggleButton();
            button.setToggleGroup(packGroup);
            button.setFocusTraversable(false);
            button.setId("sticker-pack-" + section.section());
            button.setAccessibleText(section.title());
            button.setTooltip(new Tooltip(section.title()));
            if (section.section().equals(StickerPickerViewModel.RECENT)) {
                button.setGraphic(new org.kordamp.ikonli.javafx.FontIcon("fth-clock"));
            } else {
                ImageView icon = new ImageView();
                icon.setFitWidth(STRIP_ICON);
                icon.setFitHeight(STRIP_ICON);
                icon.setPreserveRatio(true);
                button.setGraphic(icon);
                model.library().pack(section.section()).flatMap(pack -> pack.stickers().stream().findFirst())
                        .map(StickerEntry::id).ifPresent(first -> StickerImages.image(
                                CompletableFuture.completedFuture(model.library()),
                                new Sticker(section.section(), first, null), STRIP_ICON,
                                id -> CompletableFuture.failedFuture(new IllegalStateException("local only")))
                                .thenAccept(found -> Platform.runLater(() -> icon.setImage(found.orElse(null)))));
            }
            button.setOnAction(event -> {
                button.setSelected(true);
                int row = model.rowOf(section.section());
                if (row >= 0 && flow() != null) {
                    flow().scrollToTop(row);
                }
            });
            packBar.getChildren().add(button);
        }
    }

    private VirtualFlow<?> flow() {
        return grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }
}

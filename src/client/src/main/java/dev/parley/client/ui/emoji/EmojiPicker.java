package dev.parley.client.ui.emoji;

import dev.parley.client.emoji.Emoji;
import dev.parley.client.emoji.EmojiCategory;
import dev.parley.client.emoji.EmojiMemory;
import dev.parley.client.emoji.SkinTone;
import dev.parley.client.ui.FxmlView;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.stickers.PickedSticker;
import dev.parley.client.ui.stickers.StickerPackChooser;
import dev.parley.client.ui.stickers.StickerPickerViewModel;
import dev.parley.client.ui.stickers.StickerRow;
import dev.parley.client.ui.stickers.StickerTab;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.PopupWindow;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emoji picker, a popup over the composer: tabs (Emoji and Stickers), a search field, the skin-tone
 * choice, category buttons and a virtualised grid. Arrow keys move through the grid, Enter inserts and closes,
 * a click inserts and stays open, Esc closes; on the Stickers tab a click or Enter sends the sticker and closes.
 * Built once, on first use, and shown again from then on.
 */
public final class EmojiPicker {
    private static final Logger log = LoggerFactory.getLogger(EmojiPicker.class);
    private static final double GAP = 6;
    private static final double TAB_ICON = 20;

    private final CompletableFuture<EmojiMemory> memory;
    private final CompletableFuture<StickerPickerViewModel> stickers;
    private final StickerPackChooser packChooser;
    private final Popup popup = new Popup();
    private final List<EmojiRowCell> cells = new ArrayList<>();
    private final ToggleGroup categoryGroup = new ToggleGroup();
    private EmojiPickerViewModel model;
    private EmojiImages images;
    private VBox root;
    private Consumer<String> onPick = text -> { };
    private Consumer<PickedSticker> onSticker = sticker -> { };
    private Consumer<PickedSticker> onScheduleSticker = sticker -> { };
    private StickerTab stickerTabView;
    private boolean opening;

    @FXML private TabPane tabs;
    @FXML private TextField search;
    @FXML private MenuButton toneButton;
    @FXML private HBox categoryBar;
    @FXML private ListView<PickerRow> grid;
    @FXML private Label noResults;
    @FXML private ImageView previewImage;
    @FXML private Label previewName;
    @FXML private Label previewShortName;
    @FXML private Tab stickerTab;
    @FXML private TextField stickerSearch;
    @FXML private Button stickerImport;
    @FXML private HBox stickerPacks;
    @FXML private Label stickerStatus;
    @FXML private ListView<StickerRow> stickerGrid;
    @FXML private Label noStickers;

    /**
     * {@code memory}: the account's recent emoji and skin tone, loading in the background; {@code stickers}: the
     * Stickers tab's model, loading too; {@code packChooser} asks for a pack to import.
     */
    public EmojiPicker(CompletableFuture<EmojiMemory> memory, CompletableFuture<StickerPickerViewModel> stickers,
            StickerPackChooser packChooser) {
        this.memory = memory;
        this.stickers = stickers;
        this.packChooser = packChooser;
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
        popup.setAnchorLocation(PopupWindow.AnchorLocation.CONTENT_BOTTOM_LEFT);
    }

    public boolean isShowing() {
        return popup.isShowing();
    }

    /**
     * Opens the picker above {@code anchor}, at its left edge (or closes it when open). Picked emoji go to
     * {@code onPick}; {@code onHidden} runs when it closes. The first time, it waits for the emoji set to load.
     */
    public void toggle(Node anchor, Consumer<String> onPick, Runnable onHidden) {
        if (popup.isShowing()) {
            popup.hide();
            return;
        }
        if (opening) {
            return;
        }
        this.onPick = onPick;
        popup.setOnHidden(event -> onHidden.run());
        if (model != null) {
            show(anchor);
            return;
        }
        opening = true;
        EmojiImages.shared().thenCombine(memory, (loadedImages, loadedMemory) -> {
            stickers.thenAccept(stickerModel -> Platform.runLater(() -> {
                opening = false;
                build(loadedImages, loadedMemory, stickerModel);
                show(anchor);
            })).exceptionally(failure -> {
                log.error("The picker cannot open: the sticker packs did not load", failure);
                Platform.runLater(() -> opening = false);
                return null;
            });
            return null;
        }).exceptionally(failure -> {
            log.error("The emoji picker cannot open: its emoji set did not load", failure);
            Platform.runLater(() -> opening = false);
            return null;
        });
    }

    /** Where a sticker picked on the Stickers tab goes (sent at once); the picker closes. */
    /** Where a sticker goes when the person chooses "Schedule…" on it (on the FX thread). */
    public void setOnScheduleSticker(Consumer<PickedSticker> onScheduleSticker) {
        this.onScheduleSticker = onScheduleSticker;
    }

    public void setOnSticker(Consumer<PickedSticker> onSticker) {
        this.onSticker = onSticker;
    }

    /** Opens the picker on the Stickers tab (or the Emoji tab when {@code false}); for tests and shortcuts. */
    public void selectStickers(boolean selected) {
        if (tabs != null) {
            tabs.getSelectionModel().select(selected ? stickerTab : tabs.getTabs().get(0));
        }
    }

    /** Closes the picker if it is open. */
    public void hide() {
        popup.hide();
    }

    private void build(EmojiImages loadedImages, EmojiMemory loadedMemory, StickerPickerViewModel stickerModel) {
        images = loadedImages;
        model = new EmojiPickerViewModel(images.catalogue(), loadedMemory);
        model.setOnPick(text -> onPick.accept(text));
        stickerModel.setOnPick(picked -> {
            popup.hide();
            onSticker.accept(picked);
        });
        stickerModel.setOnSchedule(picked -> {
            popup.hide();
            onScheduleSticker.accept(picked);
        });
        root = ViewLoader.load(FxmlView.EMOJI_PICKER, this);
        stickerTabView = new StickerTab(stickerModel, stickerSearch, stickerImport, stickerPacks, stickerGrid,
                noStickers, stickerStatus, packChooser);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        popup.getContent().setAll(root);
    }

    private void show(Node anchor) {
        if (anchor.getScene() == null || anchor.getScene().getWindow() == null) {
            return;
        }
        model.reopen();
        stickerTabView.reopen();
        Bounds bounds = anchor.localToScreen(anchor.getBoundsInLocal());
        popup.show(anchor.getScene().getWindow(), bounds.getMinX() + GAP, bounds.getMinY() - GAP);
        scrollToRow(0);
        (onStickers() ? stickerSearch : search).requestFocus();
    }

    @FXML
    private void initialize() {
        search.textProperty().bindBidirectional(model.queryProperty());
        grid.setItems(model.rows());
        grid.setFixedCellSize(EmojiRowCell.SLOT);
        grid.setCellFactory(list -> {
            EmojiRowCell cell = new EmojiRowCell(model, images);
            cells.add(cell);
            return cell;
        });
        noResults.visibleProperty().bind(Bindings.isEmpty(model.rows()));
        model.selectedIndexProperty().addListener((obs, old, index) ->
                cells.forEach(cell -> cell.showSelection(index.intValue())));
        model.selectedProperty().addListener((obs, old, emoji) -> showPreview(emoji));
        model.toneProperty().addListener((obs, old, tone) -> {
            showTone(tone);
            cells.forEach(EmojiRowCell::redraw);
            showPreview(model.selectedProperty().get());
        });
        showPreview(model.selectedProperty().get());
        buildToneMenu();
        buildCategoryBar();
        grid.skinProperty().addListener((obs, old, skin) -> followScrolling());
        tabs.getSelectionModel().selectFirst();
    }

    private void onKey(KeyEvent event) {
        boolean plain = !event.isShiftDown() && !event.isControlDown() && !event.isAltDown() && !event.isMetaDown();
        KeyCode code = event.getCode();
        // Esc is handled here too: a focused search field would otherwise take it before the popup does.
        if (code == KeyCode.E && event.isShortcutDown() || code == KeyCode.ESCAPE) {
            popup.hide();
        } else if (plain && onStickers() && code == KeyCode.UP) {
            stickerTabView.onArrow(0, -1);
        } else if (plain && onStickers() && code == KeyCode.DOWN) {
            stickerTabView.onArrow(0, 1);
        } else if (plain && onStickers() && code == KeyCode.LEFT) {
            stickerTabView.onArrow(-1, 0);
        } else if (plain && onStickers() && code == KeyCode.RIGHT) {
            stickerTabView.onArrow(1, 0);
        } else if (plain && onStickers() && code == KeyCode.ENTER) {
            stickerTabView.pickSelected();
        } else if (plain && code == KeyCode.UP) {
            moveSelection(0, -1);
        } else if (plain && code == KeyCode.DOWN) {
            moveSelection(0, 1);
        } else if (plain && code == KeyCode.LEFT) {
            moveSelection(-1, 0);
        } else if (plain && code == KeyCode.RIGHT) {
            moveSelection(1, 0);
        } else if (plain && code == KeyCode.ENTER) {
            if (model.pickSelected()) {
                popup.hide();
            }
        } else {
            return;
        }
        event.consume();
    }

    private boolean onStickers() {
        return tabs.getSelectionModel().getSelectedItem() == stickerTab;
    }

    /** Moves the selection with the arrow keys and scrolls it into view (hovering selects without scrolling). */
    private void moveSelection(int columns, int lines) {
        model.move(columns, lines);
        int row = model.selectedRow();
        VirtualFlow<?> flow = flow();
        if (row >= 0 && flow != null) {
            flow.scrollTo(row);
        }
    }

    private void buildToneMenu() {
        Emoji hand = model.catalogue().byShortName("hand").orElseThrow();
        for (SkinTone tone : SkinTone.values()) {
            String key = tone.name().toLowerCase(Locale.ROOT).replace('_', '-');
            MenuItem item = new MenuItem(ViewLoader.text("emoji.tone." + key), picture(hand, tone, TAB_ICON));
            item.setId("skin-tone-" + key);
            item.setOnAction(event -> model.toneProperty().set(tone));
            toneButton.getItems().add(item);
        }
        showTone(model.toneProperty().get());
    }

    private void showTone(SkinTone tone) {
        Emoji hand = model.catalogue().byShortName("hand").orElseThrow();
        toneButton.setGraphic(picture(hand, tone, TAB_ICON));
        String key = tone.name().toLowerCase(Locale.ROOT).replace('_', '-');
        toneButton.setAccessibleText(ViewLoader.text("emoji.tone.accessible", ViewLoader.text("emoji.tone." + key)));
    }

    private ImageView picture(Emoji emoji, SkinTone tone, double size) {
        ImageView view = new ImageView(images.image(emoji.in(tone), size));
        view.setFitWidth(size);
        view.setFitHeight(size);
        view.setSmooth(true);
        return view;
    }

    /** One button per section; a button's picture is that category's emoji, Recent's a clock. */
    private void buildCategoryBar() {
        addCategoryButton(PickerRow.Section.RECENT, ViewLoader.text("emoji.section.recent"), new FontIcon("fth-clock"));
        for (EmojiCategory category : EmojiCategory.values()) {
            if (category.listed()) {
                Emoji icon = model.catalogue().byShortName(category.iconShortName()).orElseThrow();
                addCategoryButton(EmojiPickerViewModel.sectionOf(category),
                        EmojiPickerViewModel.categoryTitle(category),
                        picture(icon, SkinTone.NONE, TAB_ICON));
            }
        }
        // Search results belong to no category: then no button is lit.
        model.sectionProperty().addListener((obs, old, section) -> categoryGroup.selectToggle(
                categoryGroup.getToggles().stream().filter(toggle -> toggle.getUserData().equals(section))
                        .findFirst().orElse(null)));
    }

    private void addCategoryButton(PickerRow.Section section, String title, Node graphic) {
        ToggleButton button = new ToggleButton();
        button.setGraphic(graphic);
        button.setUserData(section);
        button.setToggleGroup(categoryGroup);
        button.setFocusTraversable(false);
        button.setId("emoji-category-" + section.id());
        button.setAccessibleText(title);
        button.setTooltip(new Tooltip(title));
        button.setOnAction(event -> {
            // A toggle clicked twice stays on: the tab strip always shows where the grid is.
            button.setSelected(true);
            model.queryProperty().set("");
            model.jumpTo(section);
            scrollToRow(model.rowOf(section));
        });
        categoryBar.getChildren().add(button);
    }

    private void scrollToRow(int row) {
        VirtualFlow<?> flow = flow();
        if (row >= 0 && flow != null) {
            flow.scrollToTop(row);
        } else if (row >= 0) {
            grid.scrollTo(row);
        }
    }

    private void followScrolling() {
        for (Node node : grid.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                bar.valueProperty().addListener((obs, old, value) -> {
                    VirtualFlow<?> flow = flow();
                    if (flow != null && flow.getFirstVisibleCell() != null && !model.rows().isEmpty()) {
                        model.scrolledTo(flow.getFirstVisibleCell().getIndex());
                    }
                });
            }
        }
    }

    private void showPreview(Emoji emoji) {
        previewImage.setImage(emoji == null ? null : images.image(emoji.in(model.toneProperty().get()), 28));
        previewName.setText(emoji == null ? "" : emoji.displayName());
        previewShortName.setText(emoji == null ? "" : ":" + emoji.shortName() + ":");
    }

    private VirtualFlow<?> flow() {
        return grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }
}

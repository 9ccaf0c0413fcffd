package dev.parley.client.ui.emoji;

import dev.parley.client.emoji.Emoji;
import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** A row of the picker's grid: a section heading, or a row of emoji to click. Cells are recycled as it scrolls. */
final class EmojiRowCell extends ListCell<PickerRow> {
    static final double SLOT = 38;
    private static final double EMOJI = 28;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final EmojiPickerViewModel model;
    private final EmojiImages images;
    private final Label heading = new Label();
    private final HBox slots = new HBox();
    private final List<Slot> slotList = new ArrayList<>();

    /** One emoji's place in the row: its picture, a tooltip with its name, and what clicking it inserts. */
    private final class Slot extends StackPane {
        private final ImageView view = new ImageView();
        private final Tooltip tooltip = new Tooltip();
        private int index = -1;

        Slot() {
            getChildren().add(view);
            getStyleClass().add("emoji-slot");
            setMinSize(SLOT, SLOT);
            setPrefSize(SLOT, SLOT);
            setMaxSize(SLOT, SLOT);
            view.setFitWidth(EMOJI);
            view.setFitHeight(EMOJI);
            view.setSmooth(true);
            setAccessibleRole(AccessibleRole.BUTTON);
            Tooltip.install(this, tooltip);
            setOnMouseEntered(event -> model.selectIndex(index));
            setOnMouseClicked(event -> {
                model.selectIndex(index);
                model.pickSelected();
            });
        }

        void show(Emoji emoji, int at) {
            index = at;
            view.setImage(images.image(emoji.in(model.toneProperty().get()), EMOJI));
            String name = emoji.displayName();
            tooltip.setText(name + "  :" + emoji.shortName() + ":");
            setAccessibleText(name);
            setId("emoji-" + emoji.shortName());
        }
    }

    EmojiRowCell(EmojiPickerViewModel model, EmojiImages images) {
        this.model = model;
        this.images = images;
        heading.getStyleClass().add("emoji-heading");
        heading.setMaxWidth(Double.MAX_VALUE);
        heading.setMinHeight(SLOT);
        heading.setAlignment(Pos.BOTTOM_LEFT);
        for (int i = 0; i < EmojiPickerViewModel.COLUMNS; i++) {
            Slot slot = new Slot();
            slotList.add(slot);
        }
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(PickerRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        show(empty ? null : row);
    }

    /** Draws the row again, e.g. in another skin tone, without replacing the cell. */
    void redraw() {
        show(isEmpty() ? null : getItem());
    }

    private void show(PickerRow row) {
        if (row == null) {
            setGraphic(null);
        } else if (row instanceof PickerRow.Heading title) {
            heading.setText(title.title());
            setGraphic(heading);
        } else {
            PickerRow.Cells cells = (PickerRow.Cells) row;
            List<Slot> used = slotList.subList(0, cells.emoji().size());
            for (int i = 0; i < used.size(); i++) {
                used.get(i).show(cells.emoji().get(i), cells.first() + i);
            }
            slots.getChildren().setAll(used);
            showSelection(model.selectedIndexProperty().get());
            setGraphic(slots);
        }
    }

    /** Marks the slot of the selected emoji, if this row holds it. */
    void showSelection(int selected) {
        for (Slot slot : slotList) {
            slot.pseudoClassStateChanged(SELECTED, slot.getParent() == slots && slot.index == selected
                    && getItem() instanceof PickerRow.Cells);
        }
    }
}

package dev.parley.client.ui.groups;

import dev.parley.client.ui.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.util.StringConverter;

/** Binds a search field, a checkbox list and a "N selected" label to {@link FriendChoices}; both dialogs use it. */
final class FriendList {
    private FriendList() {
    }

    static void show(FriendChoices choices, TextField search, ListView<FriendChoices.Choice> list, Label selected) {
        search.textProperty().bindBidirectional(choices.filterProperty());
        list.setItems(choices.shown());
        list.setCellFactory(CheckBoxListCell.forListView(FriendChoices.Choice::selectedProperty,
                new StringConverter<>() {
                    @Override
                    public String toString(FriendChoices.Choice choice) {
                        return choice == null ? "" : choice.label();
                    }

                    @Override
                    public FriendChoices.Choice fromString(String text) {
                        throw new UnsupportedOperationException();
                    }
                }));
        Label empty = new Label();
        empty.setWrapText(true);
        empty.textProperty().bind(Bindings.when(choices.loadedProperty())
                .then(ViewLoader.text("group.new.noFriends")).otherwise(""));
        list.setPlaceholder(empty);
        selected.textProperty().bind(Bindings.createStringBinding(
                () -> ViewLoader.text("group.new.selected", choices.selectedCountProperty().get()),
                choices.selectedCountProperty()));
    }
}

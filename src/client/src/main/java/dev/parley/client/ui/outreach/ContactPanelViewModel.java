package dev.parley.client.ui.outreach;

import dev.parley.client.sync.Outreach;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.client.ui.common.Refusals;
import dev.parley.protocol.ContactCard;
import dev.parley.protocol.Limits;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/**
 * The contact panel of a 1:1 chat: the user's private labels and note about the person, and whether they opted out
 * of the user's broadcasts. Follows the open chat; a change made on another device shows unless one is being edited.
 */
public final class ContactPanelViewModel {
    private final Outreach outreach;
    private final Formats formats;
    private final ObservableList<String> labels = FXCollections.observableArrayList();
    private final ObservableList<String> suggestions = FXCollections.observableArrayList();
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyStringWrapper optedOut = new ReadOnlyStringWrapper(this, "optedOut", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", true);
    private String handle;
    private ContactCard shown;

    public ContactPanelViewModel(Outreach outreach, Formats formats) {
        this.outreach = outreach;
        this.formats = formats;
        outreach.cards().addListener((MapChangeListener<String, ContactCard>) change -> {
            if (change.wasAdded() && Objects.equals(change.getKey(), handle)) {
                ContactCard card = change.getValueAdded();
                showOptOut(card);
                if (!edited()) {
                    show(card);
                }
            }
        });
    }

    /** Shows this person's card (null: nobody, e.g. a group is open). */
    public void open(String person) {
        handle = person;
        shown = null;
        labels.clear();
        note.set("");
        optedOut.set("");
        error.set("");
        status.set("");
        if (person == null) {
            return;
        }
        busy.set(true);
        outreach.card(person).whenComplete((card, failure) -> Platform.runLater(() -> {
            if (!Objects.equals(person, handle)) {
                return;
            }
            busy.set(false);
            if (failure != null) {
                error.set(Refusals.describe(failure));
            } else {
                show(card);
                showOptOut(card);
            }
        }));
        outreach.labels().thenAccept(used -> Platform.runLater(() -> suggestions.setAll(used)));
    }

    public void addLabel(String typed) {
        error.set("");
        var label = Labels.normalise(typed);
        if (label.isEmpty()) {
            error.set(ViewLoader.text("outreach.labels.invalid", Limits.MAX_LABEL_CHARS));
        } else if (!labels.contains(label.get())) {
            if (labels.size() >= Limits.MAX_CONTACT_LABELS) {
                error.set(ViewLoader.text("outreach.labels.tooMany", Limits.MAX_CONTACT_LABELS));
            } else {
                labels.add(label.get());
            }
        }
    }

    public void save() {
        if (handle == null) {
            return;
        }
        String person = handle;
        busy.set(true);
        error.set("");
        status.set("");
        outreach.setCard(person, List.copyOf(labels), note.get().strip()).whenComplete((card, failure) ->
                Platform.runLater(() -> {
                    busy.set(false);
                    if (!Objects.equals(person, handle)) {
                        return;
                    }
                    if (failure != null) {
                        error.set(Refusals.describe(failure));
                    } else {
                        show(card);
                        status.set(ViewLoader.text("outreach.contact.saved"));
                        if (!suggestions.containsAll(card.labels())) {
                            outreach.labels().thenAccept(used -> Platform.runLater(() -> suggestions.setAll(used)));
                        }
                    }
                }));
    }

    private boolean edited() {
        return shown != null && (!shown.labels().equals(labels) || !shown.note().equals(note.get()));
    }

    private void show(ContactCard card) {
        shown = card;
        labels.setAll(card.labels());
        note.set(card.note());
    }

    private void showOptOut(ContactCard card) {
        optedOut.set(card.optedOutAt() == null ? ""
                : ViewLoader.text("outreach.contact.optedOut", formats.dateTime(card.optedOutAt())));
    }

    public ObservableList<String> labels() {
        return labels;
    }

    public ObservableList<String> suggestions() {
        return suggestions;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyStringProperty optedOutProperty() {
        return optedOut.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}

package dev.parley.client.ui.outreach;

import dev.parley.client.sync.Outreach;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Refusals;
import dev.parley.protocol.Limits;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Segment;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** A segment being made or changed: its name, any-of labels, friends only, and "wrote to me in the last N days". */
public final class SegmentViewModel {
    private final Outreach outreach;
    private final Long id;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObservableList<String> labels = FXCollections.observableArrayList();
    private final ObservableList<String> suggestions = FXCollections.observableArrayList();
    private final BooleanProperty friendsOnly = new SimpleBooleanProperty(this, "friendsOnly");
    private final BooleanProperty recent = new SimpleBooleanProperty(this, "recent");
    private final IntegerProperty days = new SimpleIntegerProperty(this, "days", 30);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    /** {@code editing}: the segment to change, or null for a new one. */
    public SegmentViewModel(Outreach outreach, Segment editing) {
        this.outreach = outreach;
        this.id = editing == null ? null : editing.id();
        if (editing != null) {
            name.set(editing.name());
            labels.setAll(editing.labels());
            friendsOnly.set(editing.friendsOnly());
            recent.set(editing.messagedWithinDays() != null);
            if (editing.messagedWithinDays() != null) {
                days.set(editing.messagedWithinDays());
            }
        }
        outreach.labels().thenAccept(used -> Platform.runLater(() -> suggestions.setAll(used)));
    }

    public boolean editing() {
        return id != null;
    }

    public void addLabel(String typed) {
        error.set("");
        var label = Labels.normalise(typed);
        if (label.isEmpty()) {
            error.set(ViewLoader.text("outreach.labels.invalid", Limits.MAX_LABEL_CHARS));
        } else if (!labels.contains(label.get())) {
            labels.add(label.get());
        }
    }

    /** Saves it; {@code saved} runs with the segment once the server has it. */
    public void save(Consumer<Segment> saved) {
        error.set("");
        busy.set(true);
        try {
            outreach.saveSegment(id, name.get(), List.copyOf(labels), friendsOnly.get(),
                    recent.get() ? days.get() : null).whenComplete((segment, failure) -> Platform.runLater(() -> {
                        busy.set(false);
                        if (failure != null) {
                            error.set(Refusals.describe(failure));
                        } else {
                            saved.accept(segment);
                        }
                    }));
        } catch (ProtocolException refused) {
            busy.set(false);
            error.set(Refusals.describe(refused));
        }
    }

    public void delete(Runnable deleted) {
        if (id == null) {
            return;
        }
        busy.set(true);
        outreach.deleteSegment(id).whenComplete((done, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure != null) {
                error.set(Refusals.describe(failure));
            } else {
                deleted.run();
            }
        }));
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObservableList<String> labels() {
        return labels;
    }

    public ObservableList<String> suggestions() {
        return suggestions;
    }

    public BooleanProperty friendsOnlyProperty() {
        return friendsOnly;
    }

    public BooleanProperty recentProperty() {
        return recent;
    }

    public IntegerProperty daysProperty() {
        return days;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}

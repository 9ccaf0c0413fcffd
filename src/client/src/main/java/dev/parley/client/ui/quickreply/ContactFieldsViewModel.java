package dev.parley.client.ui.quickreply;

import dev.parley.client.sync.QuickReplies;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Refusals;
import dev.parley.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The private fields the user keeps about one person, e.g. city or product, for quick replies' variables. */
public final class ContactFieldsViewModel {
    /** One field being edited: its name and value. */
    public record Field(StringProperty name, StringProperty value) {
        static Field of(String name, String value) {
            return new Field(new SimpleStringProperty(name), new SimpleStringProperty(value));
        }
    }

    private final QuickReplies replies;
    private final String handle;
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", true);

    /** {@code wanted}: names to offer empty rows for (the variables a quick reply is missing). */
    public ContactFieldsViewModel(QuickReplies replies, String handle, List<String> wanted) {
        this.replies = replies;
        this.handle = handle;
        replies.fields(handle).whenComplete((known, failure) -> Platform.runLater(() -> {
            busy.set(false);
            Map<String, String> shown = new LinkedHashMap<>(known == null ? Map.of() : known);
            wanted.forEach(name -> shown.putIfAbsent(name, ""));
            shown.forEach((name, value) -> fields.add(Field.of(name, value)));
            if (fields.isEmpty()) {
                addField();
            }
            if (failure != null) {
                error.set(ViewLoader.text("contactFields.error.load"));
            }
        }));
    }

    public ObservableList<Field> fields() {
        return fields;
    }

    public void addField() {
        fields.add(Field.of("", ""));
    }

    public void remove(Field field) {
        fields.remove(field);
    }

    /** Saves every row that has a name; {@code close} runs once the server has them. */
    public void save(Runnable close) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : fields) {
            String name = field.name().get().strip();
            if (!name.isEmpty() && !field.value().get().isBlank()) {
                values.put(name, field.value().get().strip());
            }
        }
        busy.set(true);
        error.set("");
        try {
            replies.setFields(handle, values).whenComplete((done, failure) -> Platform.runLater(() -> {
                busy.set(false);
                if (failure == null) {
                    close.run();
                } else {
                    error.set(Refusals.describe(failure));
                }
            }));
        } catch (ProtocolException refused) {
            busy.set(false);
            error.set(Refusals.describe(refused));
        }
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}

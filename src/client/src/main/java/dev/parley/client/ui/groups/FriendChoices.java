package dev.parley.client.ui.groups;

import dev.parley.client.sync.Groups;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.Reply;
import dev.parley.protocol.UserProfile;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The user's friends as a searchable multi-select list, for making a group or adding people to one. FX thread;
 * the friends come from the server.
 */
public final class FriendChoices {

    /** A friend in the list, and whether they are picked. */
    public static final class Choice {
        private final UserProfile person;
        private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

        Choice(UserProfile person) {
            this.person = person;
        }

        public UserProfile person() {
            return person;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        /** How the list shows them: "Bob Marsh  @bob". */
        public String label() {
            return person.displayName() + "  @" + person.handle();
        }
    }

    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<Choice> friends = FXCollections.observableArrayList(
            choice -> new javafx.beans.Observable[] {choice.selectedProperty()});
    private final FilteredList<Choice> shown = new FilteredList<>(friends);
    private final IntegerBinding selectedCount = Bindings.createIntegerBinding(
            () -> (int) friends.stream().filter(c -> c.selectedProperty().get()).count(), friends);
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");

    public FriendChoices() {
        filter.addListener((obs, old, text) -> {
            String query = text.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
            shown.setPredicate(choice -> query.isEmpty()
                    || choice.person().handle().contains(query)
                    || choice.person().displayName().toLowerCase(Locale.ROOT).contains(query));
        });
    }

    /** Fetches the friends, leaving out {@code excluded} handles (people already in the group). */
    public void load(Groups groups, Set<String> excluded) {
        groups.friends().whenComplete((people, failure) -> Platform.runLater(() -> {
            loaded.set(true);
            if (failure != null) {
                error.set(ViewLoader.text("newMessage.error.offline"));
            } else {
                friends.setAll(people.stream().filter(p -> !excluded.contains(p.handle())).map(Choice::new).toList());
            }
        }));
    }

    public List<String> selectedHandles() {
        return friends.stream().filter(c -> c.selectedProperty().get()).map(c -> c.person().handle()).toList();
    }

    /** A refusal in plain words: "@erin: their privacy settings don't allow it". */
    public static String reason(Reply.Refusal refusal) {
        String key = switch (refusal.code()) {
            case PRIVACY_DENIED -> "group.refused.privacy_denied";
            case BLOCKED -> "group.refused.blocked";
            case NOT_FOUND -> "group.refused.not_found";
            case CONFLICT -> "group.refused.conflict";
            case FORBIDDEN -> "group.refused.forbidden";
            default -> "group.refused.other";
        };
        return ViewLoader.text("group.refused.reason", "@" + refusal.handle(), ViewLoader.text(key));
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The friends matching the filter. */
    public ObservableList<Choice> shown() {
        return shown;
    }

    public IntegerBinding selectedCountProperty() {
        return selectedCount;
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }

    /** Set when the friends could not be fetched. */
    public StringProperty errorProperty() {
        return error;
    }
}

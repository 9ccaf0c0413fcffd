package dev.parley.client.ui.profile;

import dev.parley.client.media.AvatarPicture;
import dev.parley.client.sync.People;
import dev.parley.client.ui.ViewLoader;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Limits;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Request;
import dev.parley.protocol.UserProfile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Editing one's own profile: name, bio, tags and photo. A chosen photo is prepared off the FX thread (size
 * checks, square crop, 256×256 JPEG without metadata); Save sends the profile, then the photo if it changed.
 */
public final class EditProfileViewModel {
    private final People people;
    private final String handle;
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty bio = new SimpleStringProperty(this, "bio", "");
    private final StringProperty tags = new SimpleStringProperty(this, "tags", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ObjectProperty<UserProfile> profile = new SimpleObjectProperty<>(this, "profile");
    /** The newly prepared photo (JPEG bytes), null while unchanged or removed. */
    private final ObjectProperty<byte[]> newPhoto = new SimpleObjectProperty<>(this, "newPhoto");
    private final BooleanProperty photoRemoved = new SimpleBooleanProperty(this, "photoRemoved");
    private final StringBinding bioHint;
    private final StringBinding tagsProblem;
    private final BooleanBinding canSave;

    public EditProfileViewModel(People people, String handle) {
        this.people = people;
        this.handle = handle;
        this.bioHint = Bindings.createStringBinding(() -> {
            String text = bio.get().strip();
            int left = Limits.MAX_BIO_CHARS - text.codePointCount(0, text.length());
            return left >= 0 ? ViewLoader.text("profile.edit.bio.left", left)
                    : ViewLoader.text("profile.edit.bio.over", -left);
        }, bio);
        this.tagsProblem = Bindings.createStringBinding(() -> tagsProblem(tags.get()), tags);
        this.canSave = profile.isNotNull().and(busy.not()).and(tagsProblem.isEmpty())
                .and(displayName.isNotEmpty());
    }

    /** Loads the current profile from the server. */
    public void load() {
        busy.set(true);
        people.profile(handle).whenComplete((loaded, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure != null) {
                error.set(ViewLoader.text("profile.edit.error.offline"));
                return;
            }
            profile.set(loaded);
            displayName.set(loaded.displayName());
            bio.set(loaded.bio() == null ? "" : loaded.bio());
            tags.set(String.join(" ", loaded.tags().stream().map(tag -> "#" + tag).toList()));
        }));
    }

    /** The words of the tags field as a list ("#film, #photo" → [#film, #photo]). */
    static List<String> tagWords(String text) {
        return Arrays.stream(text.split("[\\s,]+")).filter(word -> !word.isEmpty()).toList();
    }

    private static String tagsProblem(String text) {
        try {
            new Request.ProfileUpdate(null, null, tagWords(text));
            return "";
        } catch (ProtocolException e) {
            return new java.util.HashSet<>(tagWords(text)).size() > Limits.MAX_TAGS
                    ? ViewLoader.text("profile.edit.tags.tooMany") : ViewLoader.text("profile.edit.tags.invalid");
        }
    }

    /** Prepares the chosen file as the new photo, on a background thread. */
    public void choosePhoto(Path file) {
        busy.set(true);
        error.set(ViewLoader.text("profile.edit.photo.working"));
        CompletableFuture.supplyAsync(() -> {
            try {
                return AvatarPicture.prepare(file);
            } catch (AvatarPicture.Refused e) {
                throw new CompletionException(e);
            }
        }, PhotoThread.INSTANCE).whenComplete((jpeg, failure) -> Platform.runLater(() -> {
            busy.set(false);
            error.set(failure == null ? "" : photoProblem(failure.getCause()));
            if (failure == null) {
                newPhoto.set(jpeg);
                photoRemoved.set(false);
            }
        }));
    }

    private static String photoProblem(Throwable failure) {
        AvatarPicture.Problem problem = failure instanceof AvatarPicture.Refused refused ? refused.problem()
                : AvatarPicture.Problem.NOT_AN_IMAGE;
        return switch (problem) {
            case FILE_TOO_BIG -> ViewLoader.text("profile.edit.photo.tooBig");
            case TOO_MANY_PIXELS -> ViewLoader.text("profile.edit.photo.tooManyPixels");
            case NOT_AN_IMAGE -> ViewLoader.text("profile.edit.photo.notAnImage");
        };
    }

    public void removePhoto() {
        newPhoto.set(null);
        photoRemoved.set(true);
    }

    /** Saves; calls {@code saved} with the profile as the server now has it. */
    public void save(Consumer<UserProfile> saved) {
        Request.ProfileUpdate update;
        try {
            update = new Request.ProfileUpdate(displayName.get(), bio.get(), tagWords(tags.get()));
        } catch (ProtocolException e) {
            error.set(problem(e));
            return;
        }
        busy.set(true);
        error.set("");
        byte[] photo = newPhoto.get();
        boolean remove = photoRemoved.get() && profile.get().avatar() != null;
        people.update(update)
                .thenCompose(updated -> photo != null || remove ? people.setPicture(photo)
                        : CompletableFuture.completedFuture(updated))
                .whenComplete((result, failure) -> Platform.runLater(() -> {
                    busy.set(false);
                    if (failure == null) {
                        saved.accept(result);
                    } else {
                        error.set(problem(failure instanceof CompletionException ? failure.getCause() : failure));
                    }
                }));
    }

    private static String problem(Throwable failure) {
        if (!(failure instanceof ProtocolException e)) {
            return ViewLoader.text("profile.edit.error.offline");
        }
        if (e.code() == ErrorCode.TOO_LARGE) {
            return ViewLoader.text("profile.edit.error.tooLong");
        }
        if (e.code() == ErrorCode.RATE_LIMITED) {
            return ViewLoader.text("profile.edit.error.tooFast");
        }
        return e.code() == ErrorCode.BAD_REQUEST ? ViewLoader.text("profile.edit.error.invalid", e.getMessage())
                : ViewLoader.text("profile.edit.error.offline");
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty bioProperty() {
        return bio;
    }

    public StringProperty tagsProperty() {
        return tags;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<UserProfile> profileProperty() {
        return profile;
    }

    public ObjectProperty<byte[]> newPhotoProperty() {
        return newPhoto;
    }

    public BooleanProperty photoRemovedProperty() {
        return photoRemoved;
    }

    public StringBinding bioHintProperty() {
        return bioHint;
    }

    public StringBinding tagsProblemProperty() {
        return tagsProblem;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    /** One named daemon thread for photo work, so decoding never runs on the FX thread. */
    private static final class PhotoThread {
        static final java.util.concurrent.Executor INSTANCE = java.util.concurrent.Executors.newSingleThreadExecutor(
                task -> {
                    Thread thread = new Thread(task, "parley-photo");
                    thread.setDaemon(true);
                    return thread;
                });
    }
}

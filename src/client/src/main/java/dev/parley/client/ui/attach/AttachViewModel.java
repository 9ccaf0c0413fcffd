package dev.parley.client.ui.attach;

import dev.parley.client.media.PhotoChoices;
import dev.parley.client.media.PhotoPipeline;
import dev.parley.client.media.PhotoQuality;
import dev.parley.client.media.PhotoRejected;
import dev.parley.client.media.PreparedPhoto;
import dev.parley.client.media.PreparedVideo;
import dev.parley.client.media.VideoPipeline;
import dev.parley.client.model.ConversationItem;
import dev.parley.client.sync.ChatSession;
import dev.parley.client.sync.OutgoingPhotos;
import dev.parley.client.sync.PreparedMedia;
import dev.parley.client.ui.ViewLoader;
import dev.parley.client.ui.common.Formats;
import dev.parley.protocol.Limits;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attachment tray's state: photos being prepared and prepared, the caption, the chosen quality and what each
 * quality sends, and the sentences for refused files. Every way in — the attach button, a drop, a paste — ends in
 * {@link #addFiles} or {@link #addPicture}. A photo enters the tray at Standard; its HD version is prepared in the
 * background only once HD is chosen, and Send at HD waits for it.
 */
public final class AttachViewModel {
    private static final Logger log = LoggerFactory.getLogger(AttachViewModel.class);
    /** The caption counter shows from this many characters left. */
    private static final int COUNTER_FROM = 100;
    /** Decoding a 40 MP photo takes a lot of memory: one at a time, never on the FX thread. */
    private static final Executor PREPARE = Executors.newSingleThreadExecutor(daemon("parley-photo-prepare"));
    /** HD versions on their own thread, so a photo dropped next never waits behind one for its Standard. */
    private static final Executor PREPARE_HD = Executors.newSingleThreadExecutor(daemon("parley-photo-hd"));

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One photo (Standard now, HD when asked for) or one video in the tray. */
    public record Attached(String name, PhotoChoices choices, PreparedVideo video) {
        static Attached photo(String name, PhotoChoices choices) {
            return new Attached(name, choices, null);
        }

        static Attached video(String name, PreparedVideo video) {
            return new Attached(name, null, video);
        }

        public boolean isVideo() {
            return video != null;
        }

        /** The still the tray shows: the photo's thumbnail, the video's poster frame (null when it has none). */
        public PreparedPhoto.Thumbnail preview() {
            return video != null ? video.poster() : choices.standard().thumbnail();
        }

        /** True when what this item sends at {@code quality} is prepared. */
        boolean ready(PhotoQuality quality) {
            return video != null || choices.ready(quality) != null;
        }

        long size(PhotoQuality quality) {
            return video != null ? video.size() : choices.ready(quality).size();
        }

        boolean sameAtBothQualities() {
            return video != null || choices.sameAtBothQualities();
        }

        /** Gives up the photo's HD version, if it has one under way or not yet started. */
        void cancelHd() {
            if (choices != null) {
                choices.cancelHd();
            }
        }

        /**
         * What goes to the outbox, once {@link #ready} at {@code quality}; the pipelines have hashed everything, so
         * nothing slow is left for the FX thread.
         */
        PreparedMedia toSend(PhotoQuality quality) {
            PreparedPhoto.Thumbnail thumb = preview();
            PreparedPhoto photo = video != null ? null : choices.ready(quality);
            PreparedMedia media = video != null
                    ? video.copy()
                            ? PreparedMedia.ofTemporaryFile(video.file(), video.type().mime(), video.sha256(), video.size())
                            : PreparedMedia.ofFile(video.file(), video.type().mime(), video.sha256(), video.size())
                    : new PreparedMedia(photo.bytes(), photo.type().mime(), photo.sha256(), photo.width(),
                            photo.height());
            return thumb == null ? media : media.withThumbnail(PreparedMedia.of(thumb.bytes(), thumb.type().mime(),
                    thumb.width(), thumb.height()));
        }
    }

    private final ChatSession session;
    private final ReadOnlyObjectProperty<ConversationItem> conversation;
    private final Formats formats;
    private final Executor hdExecutor;
    private final PhotoPipeline pipeline = new PhotoPipeline();
    private final VideoPipeline videos = new VideoPipeline();
    private final ObservableList<Attached> photos = FXCollections.observableArrayList();
    private final ObservableList<String> refusals = FXCollections.observableArrayList();
    private final IntegerProperty preparing = new SimpleIntegerProperty(this, "preparing");
    /** Photos in the tray whose HD version is being prepared. */
    private final IntegerProperty preparingHd = new SimpleIntegerProperty(this, "preparingHd");
    /** Send was pressed at HD before every HD version was ready: the photos go once they are. */
    private final BooleanProperty sendingAtHd = new SimpleBooleanProperty(this, "sendingAtHd");
    private final StringProperty caption = new SimpleStringProperty(this, "caption", "");
    private final ObjectProperty<PhotoQuality> quality = new SimpleObjectProperty<>(this, "quality");
    /** Bumped on Cancel, Send or a conversation change, so photos still being prepared for the old tray are dropped. */
    private int generation;

    public AttachViewModel(ChatSession session, ReadOnlyObjectProperty<ConversationItem> conversation,
            QualityPreference preference, Formats formats) {
        this(session, conversation, preference, formats, PREPARE_HD);
    }

    /** With the executor HD versions are prepared on (tests hold it to see the tray before HD is ready). */
    AttachViewModel(ChatSession session, ReadOnlyObjectProperty<ConversationItem> conversation,
            QualityPreference preference, Formats formats, Executor hdExecutor) {
        this.session = session;
        this.hdExecutor = hdExecutor;
        this.conversation = conversation;
        this.formats = formats;
        quality.bindBidirectional(preference.property());
        quality.addListener((obs, old, now) -> {
            if (now == PhotoQuality.HD) {
                prepareHd();
            }
        });
        conversation.addListener((obs, old, now) -> clear());
    }

    /**
     * Prepares files (chosen, dropped or pasted) off the FX thread, as videos when their first bytes say so and
     * as photos otherwise; each lands in the tray or as a refusal.
     */
    public void addFiles(List<Path> files) {
        for (Path file : files) {
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            prepare(name, () -> VideoPipeline.sniff(file).isPresent()
                    ? Attached.video(name, videos.prepare(file))
                    : Attached.photo(name, pipeline.choices(file)));
        }
    }

    /**
     * Prepares a picture pasted or dropped as image data rather than as a file; {@code encoded} gives its bytes
     * and runs off the FX thread too, since encoding a large screenshot takes a moment.
     */
    public void addPicture(java.util.function.Supplier<byte[]> encoded, String name) {
        prepare(name, () -> Attached.photo(name, pipeline.choices(encoded.get(), name)));
    }

    private interface Preparation {
        Attached run() throws PhotoRejected;
    }

    private void prepare(String name, Preparation preparation) {
        int started = generation;
        preparing.set(preparing.get() + 1);
        CompletableFuture.supplyAsync(() -> {
            try {
                return preparation.run();
            } catch (PhotoRejected e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, PREPARE).whenComplete((attached, failure) -> Platform.runLater(() -> {
            if (started != generation) {
                if (attached != null) {
                    discard(List.of(attached));
                }
                return;
            }
            preparing.set(preparing.get() - 1);
            if (failure == null) {
                if (photos.size() < Limits.MAX_MEDIA_PER_MESSAGE) {
                    photos.add(attached);
                    if (quality.get() == PhotoQuality.HD) {
                        prepareHd();
                    }
                } else {
                    refusals.add(ViewLoader.text("attach.refused.tooMany", name, Limits.MAX_MEDIA_PER_MESSAGE));
                }
            } else {
                refusals.add(refusal(name, failure.getCause() == null ? failure : failure.getCause()));
            }
        }));
    }

    /** Starts the HD version of every photo in the tray that has not been asked for it yet. */
    private void prepareHd() {
        for (Attached photo : photos) {
            if (photo.choices() != null && !photo.choices().hdAskedFor()) {
                photo.choices().hd(hdExecutor).whenComplete((hd, failure) -> {
                    if (failure != null && !(failure instanceof java.util.concurrent.CancellationException)) {
                        log.warn("could not prepare the HD version of {}", photo.name(), failure);
                    }
                    Platform.runLater(this::hdChanged);
                });
            }
        }
        hdChanged();
    }

    /** On the FX thread whenever an HD version starts, is ready, fails or is given up. */
    private void hdChanged() {
        preparingHd.set((int) photos.stream().filter(p -> p.choices() != null && p.choices().preparingHd()).count());
        if (!sendingAtHd.get() || preparingHd.get() > 0) {
            return;
        }
        sendingAtHd.set(false);
        if (photos.isEmpty() || conversation.get() == null) {
            return;
        }
        List<Attached> failed = photos.stream().filter(photo -> !photo.ready(PhotoQuality.HD)).toList();
        if (failed.isEmpty()) {
            sendNow(PhotoQuality.HD);
        } else {
            failed.forEach(photo -> refusals.add(ViewLoader.text("attach.refused.hdFailed", photo.name())));
        }
    }

    /** Deletes the temporary copies (videos without their metadata) of items that will not be sent. */
    private static void discard(List<Attached> dropped) {
        dropped.forEach(Attached::cancelHd);
        List<Path> copies = dropped.stream().filter(a -> a.isVideo() && a.video().copy())
                .map(a -> a.video().file()).toList();
        if (!copies.isEmpty()) {
            PREPARE.execute(() -> copies.forEach(copy -> {
                try {
                    java.nio.file.Files.deleteIfExists(copy);
                } catch (java.io.IOException e) {
                    log.debug("cannot delete {}: {}", copy, e.toString());
                }
            }));
        }
    }

    /** A sentence a person understands for a refused file. */
    static String refusal(String name, Throwable failure) {
        if (!(failure instanceof PhotoRejected rejected)) {
            log.warn("could not prepare {}", name, failure);
            return ViewLoader.text("attach.refused.unreadable", name);
        }
        return switch (rejected.reason()) {
            case NOT_AN_IMAGE -> ViewLoader.text("attach.refused.notAnImage", name);
            case TOO_LARGE_FILE -> ViewLoader.text("attach.refused.tooLarge", name);
            case VIDEO_TOO_LARGE -> ViewLoader.text("attach.refused.videoTooLarge", name);
            case TOO_MANY_PIXELS -> ViewLoader.text("attach.refused.tooManyPixels", name);
            case UNREADABLE -> ViewLoader.text("attach.refused.unreadable", name);
        };
    }

    public void remove(Attached photo) {
        photos.remove(photo);
        discard(List.of(photo));
    }

    /** Empties the tray, also dropping photos still being prepared. */
    public void clear() {
        discard(List.copyOf(photos));
        reset();
    }

    private void reset() {
        generation++;
        // Photos just sent at Standard need no HD either.
        photos.forEach(Attached::cancelHd);
        sendingAtHd.set(false);
        preparingHd.set(0);
        photos.clear();
        refusals.clear();
        preparing.set(0);
        caption.set("");
    }

    /**
     * Sends the photos at the chosen quality, with the caption, and empties the tray. At HD with an HD version still
     * being prepared, the tray says so and sends once it is ready (returning null): never the other quality.
     */
    public OutgoingPhotos send() {
        if (conversation.get() == null || !canSend().get()) {
            return null;
        }
        PhotoQuality chosen = quality.get();
        if (!photos.stream().allMatch(photo -> photo.ready(chosen))) {
            sendingAtHd.set(true);
            prepareHd();
            return null;
        }
        return sendNow(chosen);
    }

    private OutgoingPhotos sendNow(PhotoQuality chosen) {
        ConversationItem item = conversation.get();
        List<PreparedMedia> items = photos.stream().map(photo -> photo.toSend(chosen)).toList();
        OutgoingPhotos outgoing = session.sendPhotos(item.id(), items, caption.get().strip());
        // Not clear(): the outbox takes over the videos' temporary copies.
        reset();
        return outgoing;
    }

    /** The "Schedule message" dialog's model for these photos, with the caption typed so far. */
    public dev.parley.client.ui.schedule.ScheduleViewModel scheduling() {
        return dev.parley.client.ui.schedule.ScheduleViewModel.with(formats, caption.get(), this::schedule);
    }

    /**
     * Uploads the photos at the chosen quality now and has the server send them at {@code at} with this caption;
     * the tray empties once the server has them.
     */
    public java.util.concurrent.CompletableFuture<?> schedule(String withCaption, java.time.Instant at) {
        ConversationItem item = conversation.get();
        if (item == null || photos.isEmpty()) {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("nothing to send"));
        }
        PhotoQuality chosen = quality.get();
        List<Attached> taken = List.copyOf(photos);
        int started = generation;
        if (chosen == PhotoQuality.HD) {
            prepareHd();
        }
        // At HD this waits for the HD versions, then continues on the FX thread.
        CompletableFuture<?>[] hd = taken.stream().filter(photo -> !photo.ready(chosen))
                .map(photo -> photo.choices().hd(hdExecutor)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(hd).thenComposeAsync(ready -> {
            if (started != generation) {
                return CompletableFuture.failedFuture(new java.util.concurrent.CancellationException("tray emptied"));
            }
            List<PreparedMedia> items = taken.stream().map(photo -> photo.toSend(chosen)).toList();
            return session.schedules().photos(item.id(), items, withCaption, at);
        }, Platform::runLater).thenRun(() -> Platform.runLater(this::reset));
    }

    /**
     * What the recipient gets at a quality: pixel size for one photo, else the count; and the total file size, or
     * while HD is not prepared yet, that it is being prepared or will be once chosen.
     */
    public String summary(PhotoQuality at) {
        String size = photos.stream().allMatch(photo -> photo.ready(at))
                ? formats.fileSize(photos.stream().mapToLong(photo -> photo.size(at)).sum())
                : ViewLoader.text(preparingHd.get() > 0 ? "attach.size.preparing" : "attach.size.whenChosen");
        if (photos.stream().anyMatch(Attached::isVideo)) {
            return photos.size() == 1 ? ViewLoader.text("attach.video.one", size)
                    : ViewLoader.text("attach.video.many", photos.size(), size);
        }
        if (photos.size() == 1) {
            PhotoChoices only = photos.get(0).choices();
            return ViewLoader.text("attach.quality.one", formats.number(only.width(at)),
                    formats.number(only.height(at)), size);
        }
        return ViewLoader.text("attach.quality.many", photos.size(), size);
    }

    /** What happens to the details a file holds: removed, except from a WebM, which goes as it is. */
    public StringBinding privacyNote() {
        return Bindings.createStringBinding(() -> ViewLoader.text(photos.stream()
                .anyMatch(photo -> photo.isVideo() && !photo.video().stripped()) ? "attach.note.asIs" : "attach.note"),
                photos);
    }

    /** The line shown instead of the quality choice when there is none to make. */
    public String sameSentence() {
        if (photos.isEmpty()) {
            return "";
        }
        return photos.stream().allMatch(Attached::isVideo)
                ? ViewLoader.text("attach.video.asIs", summary(PhotoQuality.STANDARD))
                : ViewLoader.text("attach.quality.same", summary(PhotoQuality.STANDARD));
    }

    /** True when HD would send exactly what Standard sends (small photos, GIFs), so there is no choice to make. */
    public BooleanBinding sameAtBothQualities() {
        return Bindings.createBooleanBinding(() -> photos.stream().allMatch(Attached::sameAtBothQualities), photos);
    }

    public BooleanBinding showing() {
        return Bindings.isNotEmpty(photos).or(preparing.greaterThan(0)).or(Bindings.isNotEmpty(refusals));
    }

    public BooleanBinding canSend() {
        return Bindings.isNotEmpty(photos).and(preparing.isEqualTo(0)).and(sendingAtHd.not())
                .and(Bindings.createBooleanBinding(() -> caption.get().length() <= Limits.MAX_CAPTION_CHARS, caption))
                .and(conversation.isNotNull());
    }

    /** Characters left, shown only near the limit. */
    public StringBinding captionCounter() {
        return Bindings.createStringBinding(() -> {
            int left = Limits.MAX_CAPTION_CHARS - caption.get().length();
            return left <= COUNTER_FROM ? formats.number(left) : "";
        }, caption);
    }

    public BooleanBinding captionOverLimit() {
        return Bindings.createBooleanBinding(() -> caption.get().length() > Limits.MAX_CAPTION_CHARS, caption);
    }

    public ObservableList<Attached> photos() {
        return photos;
    }

    public ObservableList<String> refusals() {
        return refusals;
    }

    public IntegerProperty preparingProperty() {
        return preparing;
    }

    /** Photos in the tray whose HD version is being prepared; the quality labels change when it does. */
    public ReadOnlyIntegerProperty preparingHdProperty() {
        return preparingHd;
    }

    /** True from Send at HD until the HD versions are ready and the photos go (or the tray is emptied). */
    public ReadOnlyBooleanProperty sendingAtHdProperty() {
        return sendingAtHd;
    }

    public StringProperty captionProperty() {
        return caption;
    }

    public ObjectProperty<PhotoQuality> qualityProperty() {
        return quality;
    }
}

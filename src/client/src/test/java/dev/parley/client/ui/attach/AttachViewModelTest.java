package dev.parley.client.ui.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.client.media.PhotoChoices;
import dev.parley.client.media.PhotoQuality;
import dev.parley.client.model.ConversationItem;
import dev.parley.client.store.StoredMessage;
import dev.parley.client.testing.GpsPhotos;
import dev.parley.client.testing.HeldTasks;
import dev.parley.client.testing.TwoSessionsTest;
import dev.parley.client.ui.common.Formats;
import dev.parley.protocol.MediaItem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The tray with a photo larger than Standard: Standard at once, HD only when chosen, and Send at HD waits for it. */
class AttachViewModelTest extends TwoSessionsTest {
    private final HeldTasks hdWork = new HeldTasks();
    private final SimpleObjectProperty<PhotoQuality> chosen = new SimpleObjectProperty<>(PhotoQuality.STANDARD);
    private AttachViewModel tray;
    private Path photo;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void trayForAliceAndBob() throws Exception {
        photo = GpsPhotos.write(tempDir.resolve("beach.jpg"), 3000, 2000);
        var conversation = new SimpleObjectProperty<>(new ConversationItem(conversationId, "bob", "Bob"));
        tray = onFx(() -> new AttachViewModel(alice, conversation, new QualityPreference(chosen), Formats.system(),
                hdWork));
    }

    @Test
    void aDroppedPhotoIsReadyAtStandardBeforeAnyHdWork() throws Exception {
        AttachViewModel.Attached attached = drop();

        assertThat(attached.choices().standard().width()).isEqualTo(2048);
        assertThat(hdWork.pending()).as("no HD work for a photo sent at Standard").isZero();
        Formats formats = Formats.system();
        assertThat(onFx(() -> tray.summary(PhotoQuality.HD)))
                .contains(formats.number(3000) + " × " + formats.number(2000)).contains("size once chosen");
        assertThat(onFx(() -> tray.canSend().get())).isTrue();
    }

    @Test
    void sendAtHdWaitsForHdAndSendsEveryPixel() throws Exception {
        drop();
        onFx(() -> {
            chosen.set(PhotoQuality.HD);
            return null;
        });
        assertThat(hdWork.pending()).isEqualTo(1);
        assertThat(onFx(() -> tray.summary(PhotoQuality.HD))).contains("preparing");

        assertThat(onFx(tray::send)).as("not sent before HD is ready").isNull();
        assertThat(onFx(() -> tray.sendingAtHdProperty().get())).isTrue();
        assertThat(onFx(() -> tray.canSend().get())).isFalse();

        hdWork.runAll();

        await().atMost(WAIT).until(() -> bobSees.stream().anyMatch(message -> !message.media().isEmpty()));
        StoredMessage received = bobSees.stream().filter(message -> !message.media().isEmpty()).findFirst().orElseThrow();
        MediaItem item = received.media().get(0);
        assertThat(item.width()).isEqualTo(3000);
        assertThat(item.height()).isEqualTo(2000);
        assertThat(onFx(() -> tray.photos().isEmpty() && !tray.sendingAtHdProperty().get())).isTrue();
    }

    @Test
    void removingAPhotoCancelsItsHdWork() throws Exception {
        onFx(() -> {
            chosen.set(PhotoQuality.HD);
            return null;
        });
        AttachViewModel.Attached attached = drop();
        PhotoChoices choices = attached.choices();
        assertThat(hdWork.pending()).as("HD chosen, so HD starts").isEqualTo(1);
        CompletableFuture<?> hd = choices.hd(hdWork);

        onFx(() -> {
            tray.remove(attached);
            return null;
        });
        hdWork.runAll();

        assertThat(hd).isCancelled();
        assertThat(choices.ready(PhotoQuality.HD)).isNull();
        await().atMost(WAIT).until(() -> onFx(() -> tray.preparingHdProperty().get() == 0));
    }

    private AttachViewModel.Attached drop() throws Exception {
        onFx(() -> {
            tray.addFiles(List.of(photo));
            return null;
        });
        await().atMost(WAIT).until(() -> onFx(() -> tray.photos().size() == 1));
        return onFx(() -> tray.photos().get(0));
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }
}

package dev.parley.client.ui.emoji;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.emoji.EmojiCatalogue;
import dev.parley.client.emoji.EmojiMemory;
import dev.parley.client.emoji.SkinTone;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmojiPickerViewModelTest {
    private static final String THUMBS_UP = "\uD83D\uDC4D";
    private static final String THUMBS_UP_DARK = "\uD83D\uDC4D\uD83C\uDFFF";
    private static EmojiCatalogue catalogue;

    @TempDir
    Path accountDir;
    private EmojiMemory memory;
    private EmojiPickerViewModel model;
    private final List<String> inserted = new ArrayList<>();

    @BeforeAll
    static void load() {
        catalogue = EmojiCatalogue.shared().join();
    }

    @BeforeEach
    void picker() {
        memory = EmojiMemory.load(accountDir);
        model = new EmojiPickerViewModel(catalogue, memory);
        model.setOnPick(inserted::add);
    }

    /** The memory saves in the background: let it finish before the temp folder is deleted. */
    @AfterEach
    void letTheMemorySave() {
        EmojiMemory.saved().join();
    }

    @Test
    void searchSelectsTheBestMatchForEnter() {
        model.queryProperty().set("thumbs up");

        assertThat(model.selectedProperty().get().shortName()).isEqualTo("+1");
        assertThat(model.pickSelected()).isTrue();
        assertThat(inserted).containsExactly(THUMBS_UP);
    }

    @Test
    void skinToneChoiceChangesTheInsertedEmoji() {
        model.queryProperty().set("+1");
        model.toneProperty().set(SkinTone.DARK);

        model.pickSelected();

        assertThat(inserted).containsExactly(THUMBS_UP_DARK);
    }

    @Test
    void recentEmojiAndSkinToneAreRememberedForTheAccount() {
        model.toneProperty().set(SkinTone.MEDIUM);
        model.queryProperty().set("thumbsup");
        model.pickSelected();

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            EmojiMemory reopened = EmojiMemory.load(accountDir);
            assertThat(reopened.tone()).isEqualTo(SkinTone.MEDIUM);
            assertThat(reopened.recent()).containsExactly("+1");
        });
        EmojiPickerViewModel next = new EmojiPickerViewModel(catalogue, EmojiMemory.load(accountDir));
        assertThat(next.rows().get(0)).isInstanceOf(PickerRow.Heading.class)
                .extracting(row -> ((PickerRow.Heading) row).section()).isEqualTo(PickerRow.Section.RECENT);
        assertThat(next.selectedProperty().get().shortName()).isEqualTo("+1");
    }

    @Test
    void recentlyUsedMatchesComeFirstInSearch() {
        memory.used(catalogue.byShortName("thumbsdown").orElseThrow());

        model.queryProperty().set("thumbs");

        assertThat(model.selectedProperty().get().shortName()).isEqualTo("-1");
    }

    @Test
    void arrowKeysMoveAcrossAndBetweenRows() {
        int first = model.selectedIndexProperty().get();

        model.move(1, 0);
        assertThat(model.selectedIndexProperty().get()).isEqualTo(first + 1);
        model.move(0, 1);
        assertThat(model.selectedIndexProperty().get()).isEqualTo(first + 1 + EmojiPickerViewModel.COLUMNS);
        model.move(0, -1);
        model.move(-1, 0);
        assertThat(model.selectedIndexProperty().get()).isEqualTo(first);
        model.move(-1, 0);
        assertThat(model.selectedIndexProperty().get()).as("stays at the first emoji").isEqualTo(first);
    }

    @Test
    void downFromAShortLastRowOfASectionGoesToTheNextSection() {
        model.jumpTo(EmojiPickerViewModel.sectionOf(dev.parley.client.emoji.EmojiCategory.SMILEYS));
        int smileys = catalogue.inCategory(dev.parley.client.emoji.EmojiCategory.SMILEYS).size();
        int lastRowStart = (smileys - 1) / EmojiPickerViewModel.COLUMNS * EmojiPickerViewModel.COLUMNS;
        model.selectIndex(model.selectedIndexProperty().get() + lastRowStart);

        model.move(0, 1);

        assertThat(model.selectedProperty().get().category()).isEqualTo(dev.parley.client.emoji.EmojiCategory.PEOPLE);
        assertThat(model.sectionProperty().get())
                .isEqualTo(EmojiPickerViewModel.sectionOf(dev.parley.client.emoji.EmojiCategory.PEOPLE));
    }

    @Test
    void reopeningClearsTheSearchAndListsWhatWasJustUsedFirst() {
        model.queryProperty().set("tada");
        model.pickSelected();

        model.reopen();

        assertThat(model.queryProperty().get()).isEmpty();
        assertThat(model.rows().get(1)).isInstanceOfSatisfying(PickerRow.Cells.class,
                recent -> assertThat(recent.emoji()).extracting(e -> e.shortName()).containsExactly("tada"));
        assertThat(model.selectedProperty().get().shortName()).isEqualTo("tada");
    }

    @Test
    void nothingMatchingShowsNoRowsAndEnterInsertsNothing() {
        model.queryProperty().set("qqxqzz");

        assertThat(model.rows()).isEmpty();
        assertThat(model.pickSelected()).isFalse();
        assertThat(inserted).isEmpty();
    }
}

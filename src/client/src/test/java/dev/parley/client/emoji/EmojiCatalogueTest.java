package dev.parley.client.emoji;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmojiCatalogueTest {
    private static final String THUMBS_UP = "\uD83D\uDC4D";
    private static final String THUMBS_UP_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD";
    private static EmojiCatalogue catalogue;

    @BeforeAll
    static void load() {
        catalogue = EmojiCatalogue.shared().join();
    }

    private static List<String> found(String query) {
        return catalogue.search(query).stream().map(e -> e.glyph().text()).toList();
    }

    @Test
    void searchFindsThumbsUpByName() {
        assertThat(found("thumbs up")).first().isEqualTo(THUMBS_UP);
        assertThat(found("Thumbs")).startsWith(THUMBS_UP);
    }

    @Test
    void searchFindsThumbsUpByShortName() {
        assertThat(found("+1")).first().isEqualTo(THUMBS_UP);
        assertThat(found("thumbsup")).first().isEqualTo(THUMBS_UP);
        assertThat(found(":thumbsup:")).first().isEqualTo(THUMBS_UP);
    }

    @Test
    void searchPrefersShortNamesThatStartWithTheQuery() {
        assertThat(catalogue.search("smi").get(0).shortNames()).anyMatch(name -> name.startsWith("smi"));
        assertThat(found("thu")).first().isEqualTo(THUMBS_UP);
    }

    @Test
    void completionsOfferWordStartsOnly() {
        List<String> offered = catalogue.completions("thu").stream().map(Emoji::shortName).toList();

        assertThat(offered).startsWith("+1", "-1").doesNotContain("flag-lt");
        assertThat(catalogue.search("thu")).extracting(Emoji::shortName).contains("flag-lt");
    }

    @Test
    void searchFindsNothingForGibberishOrBlank() {
        assertThat(catalogue.search("qqxqzz")).isEmpty();
        assertThat(catalogue.search("  ")).isEmpty();
    }

    @Test
    void searchLeavesOutSkinToneSwatchesAndObsoleteEntries() {
        assertThat(catalogue.search("skin-tone")).isEmpty();
        assertThat(catalogue.search("runner")).noneMatch(e -> !e.listed());
    }

    @Test
    void skinToneChoiceChangesTheGlyph() {
        Emoji thumbsUp = catalogue.byShortName("+1").orElseThrow();

        assertThat(thumbsUp.in(SkinTone.NONE).text()).isEqualTo(THUMBS_UP);
        assertThat(thumbsUp.in(SkinTone.MEDIUM).text()).isEqualTo(THUMBS_UP_MEDIUM);
        assertThat(thumbsUp.in(SkinTone.MEDIUM).sheetY()).isNotEqualTo(thumbsUp.glyph().sheetY());
    }

    @Test
    void emojiWithoutSkinTonesIgnoresTheChoice() {
        Emoji heart = catalogue.byShortName("heart").orElseThrow();

        assertThat(heart.hasSkinTones()).isFalse();
        assertThat(heart.in(SkinTone.DARK)).isEqualTo(heart.glyph());
    }

    @Test
    void pairsOfPeopleTakeTheToneForBoth() {
        Emoji handshake = catalogue.byShortName("handshake").orElseThrow();

        assertThat(handshake.in(SkinTone.DARK).text()).isEqualTo("\uD83E\uDD1D\uD83C\uDFFF");
    }

    @Test
    void everyListedCategoryHasEmojiAndAnIcon() {
        for (EmojiCategory category : EmojiCategory.values()) {
            if (category.listed()) {
                assertThat(catalogue.inCategory(category)).as(category.name()).isNotEmpty();
                assertThat(catalogue.byShortName(category.iconShortName())).as(category.name()).isPresent();
            }
        }
        assertThat(catalogue.inCategory(EmojiCategory.SMILEYS).get(0).shortName()).isEqualTo("grinning");
    }

    @Test
    void displayNameReadsLikeASentence() {
        assertThat(catalogue.byShortName("+1").orElseThrow().displayName()).isEqualTo("Thumbs up sign");
    }
}

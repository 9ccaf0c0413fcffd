package dev.parley.client.emoji;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.emoji.EmojiText.Pictograph;
import dev.parley.client.emoji.EmojiText.Plain;
import dev.parley.client.emoji.EmojiText.Segment;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmojiTextTest {
    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // man ZWJ woman ZWJ girl
    private static final String THUMBS_UP_DARK = "\uD83D\uDC4D\uD83C\uDFFF";
    private static final String FLAG_JAPAN = "\uD83C\uDDEF\uD83C\uDDF5";
    private static final String HEART = "\u2764\uFE0F";
    private static EmojiCatalogue catalogue;

    @BeforeAll
    static void load() {
        catalogue = EmojiCatalogue.shared().join();
    }

    private static List<Segment> split(String text) {
        return EmojiText.of(text, catalogue).segments();
    }

    private static String emojiName(Segment segment) {
        return ((Pictograph) segment).emoji().shortName();
    }

    @Test
    void textAroundAnEmojiStaysPlain() {
        List<Segment> segments = split("see you \uD83D\uDE00 tomorrow");

        assertThat(segments).hasSize(3);
        assertThat(segments.get(0)).isEqualTo(new Plain("see you "));
        assertThat(emojiName(segments.get(1))).isEqualTo("grinning");
        assertThat(segments.get(2)).isEqualTo(new Plain(" tomorrow"));
    }

    @Test
    void zwjSequenceIsOneEmoji() {
        List<Segment> segments = split("our " + FAMILY);

        assertThat(segments).hasSize(2);
        assertThat(segments.get(1).text()).isEqualTo(FAMILY);
        assertThat(emojiName(segments.get(1))).isEqualTo("man-woman-girl");
    }

    @Test
    void skinToneStaysWithItsEmoji() {
        List<Segment> segments = split(THUMBS_UP_DARK + "!");

        assertThat(segments).hasSize(2);
        Pictograph thumbs = (Pictograph) segments.get(0);
        assertThat(thumbs.text()).isEqualTo(THUMBS_UP_DARK);
        assertThat(thumbs.glyph()).isEqualTo(thumbs.emoji().in(SkinTone.DARK));
        assertThat(segments.get(1)).isEqualTo(new Plain("!"));
    }

    @Test
    void flagIsOneEmojiMadeOfTwoLetters() {
        List<Segment> segments = split(FLAG_JAPAN + FLAG_JAPAN);

        assertThat(segments).hasSize(2).allMatch(segment -> segment.text().equals(FLAG_JAPAN));
        assertThat(((Pictograph) segments.get(0)).emoji().shortNames()).contains("flag-jp");
    }

    @Test
    void variationSelectorIsOptional() {
        assertThat(emojiName(split(HEART).get(0))).isEqualTo("heart");
        assertThat(split("\u2764")).singleElement().isInstanceOf(Pictograph.class);
        assertThat(split(HEART + "\uFE0F")).singleElement().extracting(Segment::text).isEqualTo(HEART + "\uFE0F");
    }

    @Test
    void textStyleSymbolsStayTextWithoutTheSelector() {
        assertThat(split("Parley\u2122 \u00A9 2026 #1")).singleElement().isInstanceOf(Plain.class);
        assertThat(split("\u00A9\uFE0F")).singleElement().isInstanceOf(Pictograph.class);
    }

    @Test
    void oneToThreeEmojiAloneAreJumbo() {
        assertThat(EmojiText.of("\uD83D\uDE00", catalogue).jumbo()).isTrue();
        assertThat(EmojiText.of(" " + FAMILY + " " + THUMBS_UP_DARK + FLAG_JAPAN + " ", catalogue).jumbo()).isTrue();
    }

    @Test
    void fourEmojiOrAnyWordsAreNotJumbo() {
        assertThat(EmojiText.of(HEART + HEART + HEART + HEART, catalogue).jumbo()).isFalse();
        assertThat(EmojiText.of("ok " + HEART, catalogue).jumbo()).isFalse();
        assertThat(EmojiText.of("hello", catalogue).jumbo()).isFalse();
        assertThat(EmojiText.of("", catalogue).jumbo()).isFalse();
    }
}

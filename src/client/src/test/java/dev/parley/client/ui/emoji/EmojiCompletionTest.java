package dev.parley.client.ui.emoji;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmojiCompletionTest {

    @Test
    void colonAndTwoLettersBeforeTheCaretAreAShortNameBeingTyped() {
        assertThat(EmojiCompletion.typedBefore("see you :smi", 12))
                .contains(new EmojiCompletion.Typed(8, "smi"));
        assertThat(EmojiCompletion.typedBefore(":+1", 3)).contains(new EmojiCompletion.Typed(0, "+1"));
    }

    @Test
    void oneLetterATimeOrAColonInsideAWordOffersNothing() {
        assertThat(EmojiCompletion.typedBefore("see :s", 6)).isEmpty();
        assertThat(EmojiCompletion.typedBefore("at 10:30", 8)).isEmpty();
        assertThat(EmojiCompletion.typedBefore("http://x", 8)).isEmpty();
        assertThat(EmojiCompletion.typedBefore(":smile: ok", 10)).isEmpty();
    }

    @Test
    void onlyTheTextBeforeTheCaretCounts() {
        assertThat(EmojiCompletion.typedBefore(":smile and more", 4)).contains(new EmojiCompletion.Typed(0, "smi"));
    }
}

package dev.parley.client.ui.quickreply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filling a quick reply's variables for one person, and flagging what has no value. */
class QuickReplyTextTest {
    static final QuickReplyText.Recipient MAYA = new QuickReplyText.Recipient("Maya Rivera", "maya");

    @Test
    void builtInVariablesAndContactFieldsAreFilledIn() {
        QuickReplyText.Filled filled = QuickReplyText.fill(
                "Hi {first_name}! Shipping to {city} takes 2 days. — {my_name} (for {name}, {handle})", MAYA,
                "Alice Liddell", Map.of("city", "Porto"));

        assertThat(filled.text())
                .isEqualTo("Hi Maya! Shipping to Porto takes 2 days. — Alice Liddell (for Maya Rivera, @maya)");
        assertThat(filled.complete()).isTrue();
    }

    @Test
    void unknownAndEmptyVariablesStayAsWrittenAndAreReportedOnce() {
        QuickReplyText.Filled filled = QuickReplyText.fill("{first_name}, your {product} ships to {city} ({city})",
                new QuickReplyText.Recipient("  ", "x"), "Alice", Map.of("city", " "));

        assertThat(filled.text()).isEqualTo("{first_name}, your {product} ships to {city} ({city})");
        assertThat(filled.missing()).containsExactly("first_name", "product", "city");
    }

    @Test
    void inAGroupPersonVariablesHaveNoValueButMyNameDoes() {
        QuickReplyText.Filled filled = QuickReplyText.fill("Thanks {first_name}, {my_name} here", null, "Alice",
                Map.of());

        assertThat(filled.text()).isEqualTo("Thanks {first_name}, Alice here");
        assertThat(filled.missing()).containsExactly("first_name");
    }

    @Test
    void bracesThatAreNoVariableAreLeftAloneAndValuesAreNotReadAsPatterns() {
        QuickReplyText.Filled filled = QuickReplyText.fill("code: {} {A} {2x} price {price}", MAYA, "Alice",
                Map.of("price", "$5 \\o/"));

        assertThat(filled.text()).isEqualTo("code: {} {A} {2x} price $5 \\o/");
        assertThat(filled.missing()).isEmpty();
    }

    @Test
    void onlyVariablesStillInTheTextRemainFlagged() {
        assertThat(QuickReplyText.stillIn("ships to Porto, {product}", List.of("city", "product")))
                .containsExactly("product");
    }
}

package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void variablesAreListedOnceInOrderOfFirstUse() {
        assertThat(Template.variables("Hi {first_name}! {city} and {first_name} again, {Not} {a b} {}"))
                .containsExactly("first_name", "city");
    }

    @Test
    void fillingReplacesKnownValuesTrimmedAndLeavesTheRestAsWritten() {
        Map<String, String> values = Map.of("first_name", " Bob ", "price", "$5");

        assertThat(Template.fill("Hi {first_name}, it costs {price} in {city}.", values::get))
                .isEqualTo("Hi Bob, it costs $5 in {city}.");
    }
}

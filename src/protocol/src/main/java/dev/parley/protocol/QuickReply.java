package dev.parley.protocol;

/**
 * A saved answer its owner inserts with {@code /name}: text with variables such as {@code {first_name}} or a
 * contact field's {@code {city}}, filled in for the person it goes to before it is sent.
 */
public record QuickReply(long id, String name, String text) {
}

package dev.parley.server.store.sqlite;

import dev.parley.protocol.Limits;
import dev.parley.protocol.ProtocolException;
import dev.parley.protocol.Template;
import dev.parley.server.store.jdbc.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A broadcast's text filled in by the server for each recipient, with the variables quick replies use:
 * {@code {first_name}}, {@code {name}}, {@code {handle}}, {@code {my_name}} and the sender's contact fields. The
 * server renders, so what each person receives is exactly what the preview showed and cannot be altered per
 * recipient by a client.
 */
final class Personal {
    /** One recipient's text, and the first variable that had no value for them (null if none). */
    record Rendered(String text, String missing) {
    }

    private final long senderId;
    private final String senderName;
    private final String template;
    private final int maxChars;

    private Personal(long senderId, String senderName, String template, int maxChars) {
        this.senderId = senderId;
        this.senderName = senderName;
        this.template = template;
        this.maxChars = maxChars;
    }

    /**
     * {@code bad_request} for a variable that is neither built in nor a contact field the sender uses; a text filled
     * in longer than {@code maxChars} is {@code too_large} when rendered.
     */
    static Personal of(Connection c, long senderId, String template, int maxChars) throws SQLException {
        List<String> fields = Rows.list(c, "SELECT DISTINCT name FROM contact_fields WHERE owner_id = ?",
                r -> r.getString(1), senderId);
        for (String variable : Template.variables(template)) {
            if (!Limits.BUILT_IN_VARIABLES.contains(variable) && !fields.contains(variable)) {
                throw ProtocolException.badRequest("{" + variable + "} is not a variable: use {first_name}, {name},"
                        + " {handle}, {my_name} or one of your contact fields");
            }
        }
        String name = Rows.one(c, "SELECT display_name FROM users WHERE id = ?", r -> r.getString(1), senderId)
                .orElseThrow();
        return new Personal(senderId, name, template, maxChars);
    }

    Rendered render(Connection c, Audience.Person to) throws SQLException {
        Map<String, String> values = new HashMap<>();
        for (String[] field : Rows.list(c, "SELECT name, value FROM contact_fields WHERE owner_id = ?"
                + " AND contact_id = ?", r -> new String[] {r.getString(1), r.getString(2)}, senderId, to.id())) {
            values.put(field[0], field[1]);
        }
        String displayName = to.displayName().strip();
        int space = displayName.indexOf(' ');
        values.put("first_name", space < 0 ? displayName : displayName.substring(0, space));
        values.put("name", displayName);
        values.put("handle", "@" + to.handle());
        values.put("my_name", senderName);
        String missing = Template.variables(template).stream()
                .filter(variable -> values.get(variable) == null || values.get(variable).isBlank())
                .findFirst().orElse(null);
        String text = Template.fill(template, values::get);
        if (text.codePointCount(0, text.length()) > maxChars) {
            throw new ProtocolException(dev.parley.protocol.ErrorCode.TOO_LARGE, "filled in for @" + to.handle()
                    + ", the text is longer than " + maxChars + " characters");
        }
        return new Rendered(text, missing);
    }
}

package dev.parley.client.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.client.store.StoredMessage;
import dev.parley.protocol.MediaItem;
import dev.parley.protocol.PollOption;
import dev.parley.protocol.Reaction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The machine-readable export: one JSON document, format version 1, described in the architecture notes. */
final class ExportJson {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExportJson() {
    }

    static void write(Path file, String account, List<ExportedChat> chats, Map<String, String> files)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("app", "Parley");
        root.put("account", account);
        root.put("exportedAt", Instant.now().toString());
        ArrayNode conversations = root.putArray("conversations");
        for (ExportedChat chat : chats) {
            ObjectNode c = conversations.addObject();
            c.put("id", chat.id());
            c.put("title", chat.title());
            c.put("kind", chat.group() ? "group" : "direct");
            if (!chat.group()) {
                c.put("with", chat.peerHandle());
            }
            ArrayNode messages = c.putArray("messages");
            chat.messages().forEach(m -> message(messages.addObject(), m, files));
        }
        JSON.writeValue(file.toFile(), root);
    }

    private static void message(ObjectNode out, StoredMessage m, Map<String, String> files) {
        out.put("seq", m.seq());
        out.put("sender", m.sender());
        out.put("sentAt", m.sentAt().toString());
        out.put("text", m.text());
        if (m.unsent()) {
            out.put("unsent", true);
        }
        if (m.replyTo() != null) {
            out.put("replyTo", m.replyTo());
        }
        if (m.change() != null) {
            out.set("groupChange", JSON.valueToTree(m.change()));
        }
        if (!m.media().isEmpty()) {
            ArrayNode media = out.putArray("media");
            for (MediaItem item : m.media()) {
                ObjectNode entry = media.addObject();
                entry.put("file", files.get(item.mediaId()));
                entry.put("mime", item.mime());
                entry.put("size", item.size());
                if (item.width() != null) {
                    entry.put("width", item.width());
                    entry.put("height", item.height());
                }
            }
        }
        if (!m.reactions().isEmpty()) {
            ArrayNode reactions = out.putArray("reactions");
            for (Reaction reaction : m.reactions()) {
                ObjectNode entry = reactions.addObject();
                entry.put("emoji", reaction.emoji());
                reaction.handles().forEach(entry.putArray("by")::add);
            }
        }
        if (m.card() != null) {
            out.putObject("profileCard").put("handle", m.card().handle()).put("name", m.card().displayName());
        }
        if (m.sticker() != null) {
            ObjectNode sticker = out.putObject("sticker").put("pack", m.sticker().pack()).put("id", m.sticker().id());
            if (m.sticker().emoji() != null) {
                sticker.put("emoji", m.sticker().emoji());
            }
        }
        if (m.offer() != null) {
            ObjectNode offer = out.putObject("offer").put("title", m.offer().title())
                    .put("description", m.offer().description()).put("expiresAt", m.offer().expiresAt().toString());
            if (m.offer().code() != null) {
                offer.put("code", m.offer().code());
            }
        }
        if (m.proposal() != null) {
            dev.parley.protocol.Proposal p = m.proposal();
            ObjectNode proposal = out.putObject("proposal").put("idea", p.idea())
                    .put("senderBrings", p.senderBrings()).put("recipientBrings", p.recipientBrings())
                    .put("senderGains", p.senderGains()).put("recipientGains", p.recipientGains())
                    .put("timeline", p.timeline()).put("deliverables", p.deliverables())
                    .put("status", p.status().wireName());
            if (p.statusAt() != null) {
                proposal.put("statusAt", p.statusAt().toString());
            }
        }
        if (m.poll() != null) {
            ObjectNode poll = out.putObject("poll").put("question", m.text())
                    .put("closed", m.poll().poll().closed()).put("voters", m.poll().poll().voters());
            ArrayNode options = poll.putArray("options");
            for (PollOption option : m.poll().poll().options()) {
                options.addObject().put("text", option.text()).put("votes", option.votes());
            }
        }
    }
}

package dev.parley.client.export;

import dev.parley.client.store.StoredMessage;
import dev.parley.protocol.MediaItem;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The export people read: one HTML page with its style inside, media linked from the folder beside it. */
final class ExportHtml {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f6f8fa;color:#1f2328;margin:0}
            header{background:#fff;border-bottom:1px solid #d0d7de;padding:16px 24px}
            h1{font-size:20px;margin:0}h2{font-size:17px;margin:32px 24px 8px}
            .meta{color:#656d76;font-size:13px}
            .chat{max-width:760px;margin:0 auto;padding:0 16px 32px}
            .msg{background:#fff;border:1px solid #d0d7de;border-radius:12px;padding:8px 12px;margin:8px 0;
            max-width:80%;width:fit-content}
            .mine{margin-left:auto;background:#ddf4ff;border-color:#b6e3ff}
            .who{font-weight:600;font-size:13px}.when{color:#656d76;font-size:12px;margin-left:8px}
            .text{white-space:pre-wrap;margin-top:2px}.unsent{color:#656d76;font-style:italic}
            .system{text-align:center;color:#656d76;font-size:13px;margin:12px 0}
            img,video{max-width:320px;border-radius:8px;display:block;margin-top:6px}
            .reactions{font-size:13px;color:#656d76;margin-top:4px}""";

    private ExportHtml() {
    }

    static void write(Path file, String account, List<ExportedChat> chats, Map<String, String> files,
            String mediaFolder) throws IOException {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.getDefault()).withZone(ZoneId.systemDefault());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                    + escape(title(chats)) + "</title><style>" + STYLE + "</style></head><body>\n");
            out.write("<header><h1>" + escape(title(chats)) + "</h1><div class=\"meta\">Exported from Parley by @"
                    + escape(account) + "</div></header>\n");
            for (ExportedChat chat : chats) {
                out.write("<section class=\"chat\">");
                if (chats.size() > 1) {
                    out.write("<h2>" + escape(chat.title()) + "</h2>");
                }
                for (StoredMessage m : chat.messages()) {
                    out.write(message(m, account, files, mediaFolder, when));
                }
                out.write("</section>\n");
            }
            out.write("</body></html>\n");
        }
    }

    private static String message(StoredMessage m, String account, Map<String, String> files, String folder,
            DateTimeFormatter when) {
        if (m.change() != null) {
            return "<div class=\"system\">@" + escape(m.sender()) + " · " + escape(m.change().action().name()
                    .toLowerCase(Locale.ROOT).replace('_', ' ')) + " · " + escape(when.format(m.sentAt())) + "</div>";
        }
        StringBuilder html = new StringBuilder("<div class=\"msg").append(account.equals(m.sender()) ? " mine" : "")
                .append("\" id=\"m").append(m.seq()).append("\"><span class=\"who\">@").append(escape(m.sender()))
                .append("</span><span class=\"when\">").append(escape(when.format(m.sentAt()))).append("</span>");
        if (m.unsent()) {
            return html.append("<div class=\"unsent\">This message was unsent</div></div>").toString();
        }
        if (m.replyTo() != null) {
            html.append("<div class=\"meta\"><a href=\"#m").append(m.replyTo()).append("\">In reply</a></div>");
        }
        for (MediaItem item : m.media()) {
            String src = escape(folder + "/" + files.get(item.mediaId()));
            html.append(item.mime().startsWith("video/")
                    ? "<video controls src=\"" + src + "\"></video>"
                    : "<a href=\"" + src + "\"><img alt=\"\" src=\"" + src + "\"></a>");
        }
        if (m.sticker() != null) {
            html.append("<div class=\"text\">[Sticker").append(m.sticker().emoji() == null ? ""
                    : " " + escape(m.sticker().emoji())).append("]</div>");
        }
        if (m.card() != null) {
            html.append("<div class=\"text\">[Profile: ").append(escape(m.card().displayName())).append(" @")
                    .append(escape(m.card().handle())).append("]</div>");
        }
        if (m.offer() != null) {
            html.append("<div class=\"text\">[Offer] <b>").append(escape(m.offer().title())).append("</b>");
            if (!m.offer().description().isEmpty()) {
                html.append("<br>").append(escape(m.offer().description()));
            }
            if (m.offer().code() != null) {
                html.append("<br>Code: <code>").append(escape(m.offer().code())).append("</code>");
            }
            html.append("<br>Ends ").append(escape(m.offer().expiresAt().toString())).append("</div>");
        }
        if (m.proposal() != null) {
            dev.parley.protocol.Proposal p = m.proposal();
            html.append("<div class=\"text\">[Proposal, ").append(escape(p.status().wireName())).append("] <b>")
                    .append(escape(p.idea())).append("</b><ul>");
            String[][] parts = {{"Sender brings", p.senderBrings()}, {"Recipient brings", p.recipientBrings()},
                {"Sender gains", p.senderGains()}, {"Recipient gains", p.recipientGains()},
                {"Timeline", p.timeline()}, {"Deliverables", p.deliverables()}};
            for (String[] part : parts) {
                if (!part[1].isEmpty()) {
                    html.append("<li>").append(part[0]).append(": ").append(escape(part[1])).append("</li>");
                }
            }
            html.append("</ul></div>");
        }
        if (m.poll() != null) {
            html.append("<div class=\"text\">[Poll] ").append(escape(m.text())).append("</div><ul>");
            m.poll().poll().options().forEach(o -> html.append("<li>").append(escape(o.text())).append(" — ")
                    .append(o.votes()).append("</li>"));
            html.append("</ul>");
        } else if (!m.text().isEmpty()) {
            html.append("<div class=\"text\">").append(escape(m.text())).append("</div>");
        }
        if (!m.reactions().isEmpty()) {
            html.append("<div class=\"reactions\">");
            m.reactions().forEach(r -> html.append(escape(r.emoji())).append(' ').append(r.handles().size())
                    .append("  "));
            html.append("</div>");
        }
        return html.append("</div>").toString();
    }

    private static String title(List<ExportedChat> chats) {
        return chats.size() == 1 ? "Parley — " + chats.get(0).title() : "Parley — all chats";
    }

    /** Text as HTML shows it literally. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

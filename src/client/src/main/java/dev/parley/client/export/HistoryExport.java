package dev.parley.client.export;

import dev.parley.client.store.StoredMessage;
import dev.parley.protocol.MediaItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Exports conversations as a JSON file for machines and a self-contained HTML page for people, with the photos,
 * GIFs and videos in a folder beside them. Runs on the caller's (background) thread, reading history page by page
 * through the session (from the cache, then the server) and reporting progress; cancelling removes what it wrote.
 */
public final class HistoryExport {
    static final int PAGE = 100;

    /** Where history and media come from. */
    public interface Source {
        CompletableFuture<List<StoredMessage>> page(long conversationId, Long beforeSeq, int limit);

        CompletableFuture<Path> media(String mediaId);

        /** A signed-in session: history from its cache and the server, media from its cache or a download. */
        static Source of(dev.parley.client.sync.ChatSession session) {
            return new Source() {
                @Override
                public CompletableFuture<List<StoredMessage>> page(long conversationId, Long beforeSeq, int limit) {
                    return session.loadMessages(conversationId, beforeSeq, limit);
                }

                @Override
                public CompletableFuture<Path> media(String mediaId) {
                    return session.media(mediaId);
                }
            };
        }
    }

    /** Hears how far it got (0 to 1) and is asked whether the person cancelled. */
    public interface Progress {
        void progress(double done, String step);

        boolean cancelled();
    }

    /** What was written: the page, the JSON, the media folder, and how many messages and files. */
    public record Result(Path html, Path json, Path mediaDir, int messages, int mediaFiles) {
    }

    private final Source source;
    private final String account;

    public HistoryExport(Source source, String account) {
        this.source = source;
        this.account = account;
    }

    /** Writes {@code html}, a JSON file of the same name and a "_files" folder beside it. */
    public Result export(List<ExportedChat.Header> headers, Path html, Progress progress) throws IOException {
        Path json = html.resolveSibling(baseName(html) + ".json");
        Path mediaDir = html.resolveSibling(baseName(html) + "_files");
        List<Path> written = new ArrayList<>(List.of(html, json));
        try {
            List<ExportedChat> chats = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                chats.add(read(headers.get(i), i, headers.size(), progress));
            }
            Map<String, String> files = copyMedia(chats, mediaDir, progress);
            progress.progress(0.98, headers.size() == 1 ? headers.get(0).title() : "");
            ExportJson.write(json, account, chats, files);
            ExportHtml.write(html, account, chats, files, mediaDir.getFileName().toString());
            progress.progress(1, "");
            int count = chats.stream().mapToInt(chat -> chat.messages().size()).sum();
            return new Result(html, json, mediaDir, count, files.size());
        } catch (IOException | RuntimeException e) {
            removeQuietly(written, mediaDir);
            throw e;
        }
    }

    /** All of one conversation, oldest first: pages back from the newest until the first message. */
    private ExportedChat read(ExportedChat.Header header, int index, int of, Progress progress) {
        List<StoredMessage> newestFirst = new ArrayList<>();
        Long before = null;
        long newest = 0;
        while (true) {
            checkCancelled(progress);
            List<StoredMessage> page = source.page(header.id(), before, PAGE).join().stream()
                    .filter(m -> m.seq() > 0 && !m.deleted()).sorted(Comparator.comparingLong(StoredMessage::seq)
                            .reversed()).toList();
            if (page.isEmpty()) {
                break;
            }
            newestFirst.addAll(page);
            newest = Math.max(newest, page.get(0).seq());
            long oldest = page.get(page.size() - 1).seq();
            double share = newest <= 1 ? 1 : 1 - (double) (oldest - 1) / newest;
            progress.progress(0.8 * (index + share) / of, header.title());
            if (oldest <= 1) {
                break;
            }
            before = oldest;
        }
        List<StoredMessage> messages = newestFirst.stream().distinct()
                .sorted(Comparator.comparingLong(StoredMessage::seq)).toList();
        return new ExportedChat(header.id(), header.title(), header.peerHandle(), header.group(), messages);
    }

    /** Media id → its file's name in the folder. */
    private Map<String, String> copyMedia(List<ExportedChat> chats, Path mediaDir, Progress progress)
            throws IOException {
        List<MediaItem> items = chats.stream().flatMap(chat -> chat.messages().stream())
                .filter(m -> !m.unsent()).flatMap(m -> m.media().stream()).distinct().toList();
        Map<String, String> files = new HashMap<>();
        if (items.isEmpty()) {
            return files;
        }
        Files.createDirectories(mediaDir);
        for (int i = 0; i < items.size(); i++) {
            checkCancelled(progress);
            MediaItem item = items.get(i);
            String name = item.mediaId() + extension(item.mime());
            Files.copy(source.media(item.mediaId()).join(), mediaDir.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
            files.put(item.mediaId(), name);
            progress.progress(0.8 + 0.18 * (i + 1) / items.size(), "");
        }
        return files;
    }

    static String extension(String mime) {
        return switch (mime == null ? "" : mime) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "video/mp4" -> ".mp4";
            case "video/webm" -> ".webm";
            default -> ".bin";
        };
    }

    private static void checkCancelled(Progress progress) {
        if (progress.cancelled()) {
            throw new CancellationException("the export was cancelled");
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void removeQuietly(List<Path> files, Path dir) {
        try {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            if (Files.isDirectory(dir)) {
                try (Stream<Path> inside = Files.walk(dir)) {
                    for (Path path : inside.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(HistoryExport.class).warn("could not remove a cancelled export: {}",
                    e.toString());
        }
    }
}

package dev.parley.client.emoji;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Every emoji Parley can draw (the vendored {@code emoji.json}): looked up by the characters that write it, found
 * by name and short name, and listed by category for the picker. Immutable once loaded; loaded once per process,
 * in the background, the first time something asks for it.
 */
public final class EmojiCatalogue {
    static final String RESOURCE = "emoji.json";
    /** Single code points below this are symbols such as © and ™: without U+FE0F they stay text. */
    private static final int TEXT_STYLE_BELOW = 0x2190;
    /** Search tiers run from 0 (a short name is the query) to this one (the name merely contains it). */
    private static final int LAST_TIER = 3;
    private static volatile CompletableFuture<EmojiCatalogue> shared;

    private final List<Emoji> all;
    private final Map<EmojiCategory, List<Emoji>> byCategory = new EnumMap<>(EmojiCategory.class);
    private final Map<String, Match> byText = new HashMap<>();
    private final Map<String, Emoji> byShortName = new HashMap<>();
    private final Set<Integer> firstCodePoints = new HashSet<>();
    private int longestText;

    /** An emoji written at some place in a text: its glyph (in the written skin tone), its emoji, its length. */
    public record Match(Glyph glyph, Emoji emoji, int length) {
    }

    private EmojiCatalogue(List<Emoji> all) {
        this.all = List.copyOf(all);
        for (EmojiCategory category : EmojiCategory.values()) {
            byCategory.put(category, this.all.stream().filter(e -> e.category() == category && e.listed()).toList());
        }
    }

    /** The app's catalogue, loading it on a background thread the first time. */
    public static CompletableFuture<EmojiCatalogue> shared() {
        CompletableFuture<EmojiCatalogue> loading = shared;
        if (loading == null) {
            synchronized (EmojiCatalogue.class) {
                if (shared == null) {
                    shared = CompletableFuture.supplyAsync(EmojiCatalogue::fromClassPath, runnable -> {
                        Thread thread = new Thread(runnable, "parley-emoji-catalogue");
                        thread.setDaemon(true);
                        thread.start();
                    });
                }
                loading = shared;
            }
        }
        return loading;
    }

    static EmojiCatalogue fromClassPath() {
        try (InputStream in = EmojiCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the emoji catalogue " + RESOURCE + " is not on the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the emoji catalogue", e);
        }
    }

    static EmojiCatalogue read(InputStream json) throws IOException {
        List<Entry> entries = new ObjectMapper().readValue(json, new TypeReference<List<Entry>>() { });
        Map<Entry, Emoji> emoji = new java.util.LinkedHashMap<>();
        for (Entry entry : entries) {
            Optional<EmojiCategory> category = EmojiCategory.of(entry.category);
            if (category.isEmpty()) {
                continue;
            }
            Map<SkinTone, Glyph> skins = new EnumMap<>(SkinTone.class);
            if (entry.skinVariations != null) {
                for (SkinTone tone : SkinTone.values()) {
                    // People in pairs have a variant per combination; a chosen tone applies to both.
                    Variant variant = tone.modifier() == null ? null : entry.skinVariations.getOrDefault(
                            tone.modifier(), entry.skinVariations.get(tone.modifier() + "-" + tone.modifier()));
                    if (variant != null) {
                        skins.put(tone, new Glyph(text(variant.unified), variant.sheetX, variant.sheetY));
                    }
                }
            }
            emoji.put(entry, new Emoji(new Glyph(text(entry.unified), entry.sheetX, entry.sheetY), entry.name,
                    entry.shortNames, category.get(), entry.sortOrder, skins, entry.obsoletedBy == null));
        }
        EmojiCatalogue catalogue = new EmojiCatalogue(emoji.values().stream()
                .sorted(Comparator.comparingInt(Emoji::sortOrder)).toList());
        emoji.forEach(catalogue::index);
        return catalogue;
    }

    private void index(Entry entry, Emoji emoji) {
        add(emoji.glyph().text(), emoji.glyph(), emoji);
        if (entry.nonQualified != null) {
            String written = text(entry.nonQualified);
            if (written.codePointCount(0, written.length()) > 1 || written.codePointAt(0) >= TEXT_STYLE_BELOW) {
                add(written, emoji.glyph(), emoji);
            }
        }
        if (entry.skinVariations != null) {
            for (Variant variant : entry.skinVariations.values()) {
                add(text(variant.unified), new Glyph(text(variant.unified), variant.sheetX, variant.sheetY), emoji);
            }
        }
        for (String shortName : emoji.shortNames()) {
            byShortName.putIfAbsent(shortName, emoji);
        }
    }

    private void add(String written, Glyph glyph, Emoji emoji) {
        byText.putIfAbsent(written, new Match(glyph, emoji, written.length()));
        firstCodePoints.add(written.codePointAt(0));
        longestText = Math.max(longestText, written.length());
    }

    /** The longest emoji written at {@code index} of {@code text}, if one starts there. */
    public Optional<Match> matchAt(CharSequence text, int index) {
        if (index >= text.length() || !firstCodePoints.contains(Character.codePointAt(text, index))) {
            return Optional.empty();
        }
        for (int length = Math.min(longestText, text.length() - index); length > 0; length--) {
            Match match = byText.get(text.subSequence(index, index + length).toString());
            if (match != null) {
                return Optional.of(match);
            }
        }
        return Optional.empty();
    }

    /** The emoji with this short name ("+1", "thumbsup"), if any. */
    public Optional<Emoji> byShortName(String shortName) {
        return Optional.ofNullable(byShortName.get(shortName));
    }

    /** The emoji the picker lists under a category, in the catalogue's order. */
    public List<Emoji> inCategory(EmojiCategory category) {
        return byCategory.get(category);
    }

    /**
     * Listed emoji whose name or a short name matches what was typed, best first: a short name that is the
     * query, then one that starts with it, then names with words starting with each typed word, then names
     * that merely contain it. "thumbs up", "+1" and "thumbsup" all find 👍.
     */
    public List<Emoji> search(String typed) {
        return matching(typed, LAST_TIER);
    }

    /**
     * Emoji to offer for a short name being typed (":thu"): those whose short names or name words start with
     * it, best first — not names that merely contain the letters somewhere.
     */
    public List<Emoji> completions(String typed) {
        return matching(typed, LAST_TIER - 1);
    }

    private List<Emoji> matching(String typed, int worstTier) {
        String query = normalise(typed);
        if (query.isEmpty()) {
            return List.of();
        }
        String joined = query.replace(' ', '_');
        String[] words = query.split(" ");
        record Hit(Emoji emoji, int tier) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Emoji emoji : all) {
            if (!emoji.listed() || !emoji.category().listed()) {
                continue;
            }
            int tier = tier(emoji, query, joined, words);
            if (tier >= 0 && tier <= worstTier) {
                hits.add(new Hit(emoji, tier));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::tier).thenComparingInt(hit -> hit.emoji().sortOrder()));
        return hits.stream().map(Hit::emoji).toList();
    }

    private static int tier(Emoji emoji, String query, String joined, String[] words) {
        if (emoji.shortNames().contains(query) || emoji.shortNames().contains(joined)) {
            return 0;
        }
        if (emoji.shortNames().stream().anyMatch(s -> s.startsWith(query) || s.startsWith(joined))) {
            return 1;
        }
        String name = emoji.name().toLowerCase(Locale.ROOT);
        List<String> nameWords = new ArrayList<>(Arrays.asList(name.split("[\\s:,-]+")));
        emoji.shortNames().forEach(s -> nameWords.addAll(Arrays.asList(s.split("[_-]"))));
        if (Arrays.stream(words).allMatch(word -> nameWords.stream().anyMatch(w -> w.startsWith(word)))) {
            return 2;
        }
        return name.contains(query) || emoji.shortNames().stream().anyMatch(s -> s.contains(joined)) ? LAST_TIER : -1;
    }

    /** Lower case, single spaces, no colons around a short name (":thumbsup:"). */
    static String normalise(String typed) {
        String query = typed.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (query.startsWith(":")) {
            query = query.substring(1);
        }
        if (query.endsWith(":")) {
            query = query.substring(0, query.length() - 1);
        }
        return query.strip();
    }

    /** "1F44D-1F3FD" → the characters 👍🏽. */
    private static String text(String unified) {
        StringBuilder out = new StringBuilder();
        for (String hex : unified.split("-")) {
            out.appendCodePoint(Integer.parseInt(hex, 16));
        }
        return out.toString();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Entry(String unified, @JsonProperty("non_qualified") String nonQualified, String name,
            @JsonProperty("short_names") List<String> shortNames, String category,
            @JsonProperty("sort_order") int sortOrder, @JsonProperty("sheet_x") int sheetX,
            @JsonProperty("sheet_y") int sheetY, @JsonProperty("obsoleted_by") String obsoletedBy,
            @JsonProperty("skin_variations") Map<String, Variant> skinVariations) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Variant(String unified, @JsonProperty("sheet_x") int sheetX, @JsonProperty("sheet_y") int sheetY) {
    }
}

package dev.parley.client.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words a person searches for, split the way the cache's full-text index splits text (runs of letters and
 * digits; case and accents ignored). A message matches when, for every term, one of its words starts with it.
 * Pure: the store turns the terms into an index query, the chat marks the matching words in a bubble.
 */
public record SearchTerms(List<String> terms) {
    /** A word of a text that matches a term: {@code start} inclusive, {@code end} exclusive, in chars. */
    public record Match(int start, int end) {
    }

    public SearchTerms {
        terms = List.copyOf(terms);
    }

    public static SearchTerms of(String query) {
        List<String> terms = new ArrayList<>();
        for (Match word : words(query == null ? "" : query)) {
            String term = fold(query.substring(word.start(), word.end()));
            if (!terms.contains(term)) {
                terms.add(term);
            }
        }
        return new SearchTerms(terms);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The FTS5 query: every term as a quoted prefix, all required. */
    public String indexQuery() {
        return String.join(" ", terms.stream().map(term -> '"' + term.replace("\"", "\"\"") + "\"*").toList());
    }

    /** The words of {@code text} that start with one of the terms, in order. */
    public List<Match> find(String text) {
        List<Match> found = new ArrayList<>();
        if (isEmpty() || text == null) {
            return found;
        }
        for (Match word : words(text)) {
            String folded = fold(text.substring(word.start(), word.end()));
            if (terms.stream().anyMatch(folded::startsWith)) {
                found.add(word);
            }
        }
        return found;
    }

    private static List<Match> words(String text) {
        List<Match> words = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int codePoint = text.codePointAt(at);
            int next = at + Character.charCount(codePoint);
            if (Character.isLetterOrDigit(codePoint)) {
                int start = at;
                at = next;
                while (at < text.length()) {
                    int inWord = text.codePointAt(at);
                    // Combining accents belong to the letter before them.
                    if (!Character.isLetterOrDigit(inWord) && Character.getType(inWord) != Character.NON_SPACING_MARK) {
                        break;
                    }
                    at += Character.charCount(inWord);
                }
                words.add(new Match(start, at));
            } else {
                at = next;
            }
        }
        return words;
    }

    /** Lower case without accents, as the index's tokenizer ({@code remove_diacritics 2}) compares. */
    static String fold(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(folded::appendCodePoint);
        return folded.toString().toLowerCase(Locale.ROOT);
    }
}

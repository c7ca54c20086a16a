package org.askthenotes.generation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askthenotes.ingest.Sentences;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.InjectionDetector;
import org.askthenotes.retrieval.Hit;

/**
 * Checks an answer's [n] markers against the numbered sources: a marker that points at a source becomes a
 * {@link Citation}; one that points at nothing is removed from the text and reported; sources never cited are
 * listed apart. Also reads "[1, 3]" and "[1][3]".
 */
final class Citations {
    /** How much of a chunk's opening stands in as a snippet when no sentence of it matches the answer. */
    static final int SNIPPET_CHARS = 300;
    private static final Pattern MARKER = Pattern.compile("\\s?\\[(\\d+(?:\\s*,\\s*\\d+)*)]");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** A chunk sentence sharing less than this share of terms with the citing sentence is not its quote. */
    private static final double MIN_QUOTE_JACCARD = 0.2;

    private Citations() {
    }

    /** The answer text with invalid markers removed, and what the valid ones point at. */
    record Resolved(String text, List<Citation> citations, List<Citation> alsoRetrieved, List<String> droppedMarkers) {
    }

    static Resolved resolve(String text, List<Hit> sources) {
        List<String> dropped = new ArrayList<>();
        String cleaned = dropInvalid(text, sources.size(), dropped);
        Map<Integer, List<String>> citing = citingSentences(cleaned);
        List<Citation> citations = new ArrayList<>();
        List<Citation> alsoRetrieved = new ArrayList<>();
        for (int n = 1; n <= sources.size(); n++) {
            Chunk chunk = sources.get(n - 1).chunk();
            if (citing.containsKey(n)) {
                citations.add(citation(n, chunk, quote(chunk, citing.get(n))));
            } else {
                alsoRetrieved.add(citation(n, chunk, opening(chunk)));
            }
        }
        return new Resolved(cleaned, citations, alsoRetrieved, dropped);
    }

    /** The source numbers each marker group in {@code sentence} names. */
    static Set<Integer> markers(String sentence) {
        Set<Integer> numbers = new LinkedHashSet<>();
        Matcher m = MARKER.matcher(sentence);
        while (m.find()) {
            Matcher d = NUMBER.matcher(m.group(1));
            while (d.find()) {
                numbers.add(Integer.parseInt(d.group()));
            }
        }
        return numbers;
    }

    /** The sentence without its markers: what a reader checks against the source. */
    static String withoutMarkers(String sentence) {
        return MARKER.matcher(sentence).replaceAll("").strip();
    }

    /** Checked for injection here rather than stored in the index: the detector is cheap and may change. */
    static Citation citation(int n, Chunk chunk, String snippet) {
        InjectionDetector.Finding injection = InjectionDetector.detect(chunk.text());
        return new Citation(n, chunk.id(), chunk.notePath(), chunk.headingPath(), chunk.anchor(),
                chunk.startLine(), chunk.endLine(), snippet, injection == null ? null : injection.reason());
    }

    static String opening(Chunk chunk) {
        return PromptTemplate.abbreviate(chunk.text().strip().replaceAll("\\s+", " "), SNIPPET_CHARS);
    }

    private static String dropInvalid(String text, int count, List<String> dropped) {
        Matcher m = MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> kept = new ArrayList<>();
            Matcher d = NUMBER.matcher(m.group(1));
            while (d.find()) {
                int n = Integer.parseInt(d.group());
                if (n >= 1 && n <= count) {
                    kept.add(d.group());
                } else {
                    dropped.add("[" + d.group() + "]");
                }
            }
            String leading = m.group().startsWith("[") ? "" : m.group().substring(0, 1);
            String replacement = kept.isEmpty() ? "" : leading + "[" + String.join(", ", kept) + "]";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<Integer, List<String>> citingSentences(String text) {
        Map<Integer, List<String>> citing = new TreeMap<>();
        for (String sentence : Sentences.split(text)) {
            for (int n : markers(sentence)) {
                citing.computeIfAbsent(n, k -> new ArrayList<>()).add(withoutMarkers(sentence));
            }
        }
        return citing;
    }

    /** The chunk sentences closest in terms to the sentences citing it: the passage the answer drew on. */
    private static String quote(Chunk chunk, List<String> citingSentences) {
        List<String> chunkSentences = Sentences.split(chunk.text());
        Set<String> quotes = new LinkedHashSet<>();
        for (String citing : citingSentences) {
            Set<String> terms = Terms.of(citing);
            String best = null;
            double bestScore = MIN_QUOTE_JACCARD;
            for (String candidate : chunkSentences) {
                double score = Terms.jaccard(terms, Terms.of(candidate));
                if (score >= bestScore) {
                    best = candidate;
                    bestScore = score;
                }
            }
            if (best != null) {
                quotes.add(best);
            }
        }
        return quotes.isEmpty() ? opening(chunk) : String.join(" … ", quotes);
    }
}

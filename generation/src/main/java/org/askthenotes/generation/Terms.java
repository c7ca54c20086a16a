package org.askthenotes.generation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.askthenotes.retrieval.ChineseQuestionBigrams;

/**
 * The content terms of a text for overlap scoring: Lucene's standard tokenizer, English stop words and Porter
 * stems for English, CJK bigrams for Chinese (it has no spaces; bigrams are what a Chinese index holds too).
 */
final class Terms {
    /** Question words that Lucene's English stop set keeps but that say nothing about the topic. */
    private static final Set<String> QUESTION_WORDS = Stream.concat(Stream.of(
            "what", "how", "why", "when", "where", "which", "who", "do", "doe", "can", "tell", "me", "explain",
            "describ", "note", "about"), ChineseQuestionBigrams.OVERLAP_STOP.stream())
            .collect(Collectors.toUnmodifiableSet());
    private static final Analyzer ANALYZER = build();

    private Terms() {
    }

    static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String t = term.toString();
                if (!QUESTION_WORDS.contains(t)) {
                    terms.add(t);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing text in memory", e);
        }
        return terms;
    }

    /** The share of {@code query}'s terms found in {@code text}'s terms, in [0, 1]; 0 when the query has none. */
    static double coverage(Set<String> query, Set<String> text) {
        if (query.isEmpty()) {
            return 0;
        }
        long found = query.stream().filter(text::contains).count();
        return (double) found / query.size();
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    private static Analyzer build() {
        try {
            return CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("cjkWidth")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("cjkBigram")
                    .addTokenFilter("stop")
                    .addTokenFilter("porterStem")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("building the term analyzer", e);
        }
    }
}

package org.askthenotes.generation;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.askthenotes.retrieval.ChineseQuestionBigrams;
import org.askthenotes.retrieval.TextTerms;

/**
 * The content terms of a text for overlap scoring: retrieval's {@link TextTerms} (stemmed English words less stop
 * words, CJK bigrams), less the question words that say nothing about the topic, as a set.
 */
final class Terms {
    /**
     * Question words that Lucene's English stop set keeps but that say nothing about the topic, stemmed as {@link
     * TextTerms} stems them: "difference" and "compare" ask for a comparison of the topic words around them.
     */
    private static final Set<String> QUESTION_WORDS = Stream.concat(Stream.of(
            "what", "how", "why", "when", "where", "which", "who", "do", "doe", "can", "should", "i", "tell", "me",
            "explain", "describ", "note", "about", "differ", "between", "compar", "comparison", "versu", "vs", "than"),
            ChineseQuestionBigrams.OVERLAP_STOP.stream())
            .collect(Collectors.toUnmodifiableSet());

    private Terms() {
    }

    static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>(TextTerms.of(text));
        terms.removeAll(QUESTION_WORDS);
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
}

package org.askthenotes.generation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askthenotes.ingest.Language;

/**
 * The two things a question sets side by side, as topic terms: "What is the difference between fine-tuning and
 * RAG?", "Precision vs recall?", "How does temperature differ from top-p?", "Compare X with Y", "When should I use X
 * instead of Y?", "Is X cheaper than Y?", "X or Y: how do they differ?". A comparison is answered by what each side
 * is, not by the one sentence that happens to name both ("The F1 score is the harmonic mean of precision and
 * recall").
 * <p>
 * English only. A Chinese side is a run of character bigrams, and whether a sentence opens on it says little:
 * read as a comparison, 「即時推論和批次推論有什麼不同？…」 (zh-017) quoted the batch-pricing section first and lost three
 * of its four facts.
 */
record Comparison(Set<String> first, Set<String> second) {
    private static final String END = "(?=[?.!:;,]|$)";
    private static final String SIDE = "([^?.!:;,]+?)";
    private static final List<Pattern> ENGLISH = List.of(
            Pattern.compile("\\bdifferences? between " + SIDE + " and " + SIDE + END),
            Pattern.compile("\\bcompar(?:e|ing) " + SIDE + " (?:and|with|to|against) " + SIDE + END),
            Pattern.compile("\\b(?:does|do|is|are) " + SIDE + " differ(?:ent)? from " + SIDE + END),
            Pattern.compile("\\buse " + SIDE + " instead of " + SIDE + END),
            Pattern.compile("^(?:is|are) " + SIDE + " (?:\\w+er|more \\w+|less \\w+) than " + SIDE + END),
            Pattern.compile("(?:^|[?.!:;,] )" + SIDE + " (?:vs\\.?|versus) " + SIDE + END),
            Pattern.compile("^" + SIDE + " or " + SIDE + "[?:,] .*\\b(?:differ|difference|compare)"));

    static Optional<Comparison> of(String question) {
        if (Language.of(question) != Language.ENGLISH) {
            return Optional.empty();
        }
        String q = question.strip().toLowerCase(Locale.ROOT);
        for (Pattern pattern : ENGLISH) {
            Optional<Comparison> found = sides(pattern.matcher(q));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Comparison> sides(Matcher m) {
        if (!m.find()) {
            return Optional.empty();
        }
        Set<String> first = Terms.of(m.group(1));
        Set<String> second = Terms.of(m.group(2));
        if (first.isEmpty() || second.isEmpty() || first.equals(second)) {
            return Optional.empty();
        }
        return Optional.of(new Comparison(first, second));
    }

    List<Set<String>> sides() {
        return List.of(first, second);
    }
}

package org.askthenotes.generation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.askthenotes.ingest.Language;

/**
 * Which question terms a section not yet quoted answers as a part of the question. A term counts when the
 * section is about it (its heading path or note title holds it) or no other source holds it at all; a word any
 * section may mention ("the training data" in the overfitting section, for a question on bias in training data)
 * is no part of the question that section answers. English questions only: a Chinese question's terms are
 * bigrams that recur across sections' text and its headings are partly English, so neither signal tells a
 * section's topic, and they keep the broad rule. Measured (docs/generation.md, "Sentences from other sections"):
 * citation precision 0.7145 → 0.7390 on the golden set and 0.5821 → 0.7096 on the cross-lingual set's English
 * questions, every other answer metric unchanged; applied to Chinese questions too it cost the cross-lingual
 * Chinese set a correct citation (0.7963 → 0.7778).
 */
record QuestionParts(AnswerContext context, boolean english, Map<String, Long> sourcesHolding) {
    static QuestionParts of(AnswerContext context, List<AnswerUnit> units, Set<String> questionTerms) {
        Map<String, Long> holding = new HashMap<>();
        for (String term : questionTerms) {
            holding.put(term, units.stream().filter(u -> u.terms().contains(term)).map(AnswerUnit::source)
                    .distinct().count());
        }
        return new QuestionParts(context, Language.of(context.question()) == Language.ENGLISH, holding);
    }

    boolean answeredBy(int source, String term) {
        if (!english || sourcesHolding.getOrDefault(term, 0L) <= 1) {
            return true;
        }
        var chunk = context.sources().get(source - 1).chunk();
        return Terms.of(chunk.noteTitle() + "\n" + String.join("\n", chunk.headingPath())).contains(term);
    }
}

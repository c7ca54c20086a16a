package org.askthenotes.app.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the answerer did on the golden set. Off-topic is the positive class of abstention.
 *
 * @param abstentionPrecision off-topic abstentions over all abstentions (1 when it never abstained and there was no
 *                            off-topic question, else 0 when it never abstained)
 * @param abstentionRecall    off-topic questions it abstained on over all off-topic questions
 * @param citationAccuracy    answers citing at least one relevant chunk, over answerable questions it answered
 * @param citationPrecision   mean over those answers of the share of their citations that are relevant sections: a
 *                            lower bound, as the golden set lists the sections that answer a question, not every
 *                            section on its topic; it falls when answers add sentences from unrelated sections
 * @param groundingRate       answers whose every sentence is supported by its citations, over all answers given
 * @param answerFactRecall    mean over answerable questions with facts of the fraction of facts the answer states
 *                            (an abstention states none)
 * @param answerComplete      share of those questions whose answer states every fact; both NaN when no question has facts
 */
public record AnswerMetrics(double abstentionPrecision, double abstentionRecall, double citationAccuracy,
        double citationPrecision, double groundingRate, double answerFactRecall, double answerComplete) {

    public static final List<String> NAMES = List.of("abstention-precision", "abstention-recall", "citation-accuracy",
            "citation-precision", "grounding-rate", "answer-fact-recall", "answer-complete");

    public static AnswerMetrics of(List<GoldenQuestion> questions, List<AnswerOutcome> outcomes) {
        int abstained = 0;
        int abstainedOffTopic = 0;
        int offTopic = 0;
        int answeredAnswerable = 0;
        int citedRelevant = 0;
        double citationPrecision = 0;
        int answered = 0;
        int grounded = 0;
        int withFacts = 0;
        double factRecall = 0;
        int complete = 0;
        for (int i = 0; i < questions.size(); i++) {
            GoldenQuestion question = questions.get(i);
            AnswerOutcome outcome = outcomes.get(i);
            offTopic += question.offTopic() ? 1 : 0;
            if (question.answerable() && !question.facts().isEmpty()) {
                withFacts++;
                factRecall += outcome.facts().recall();
                complete += outcome.facts().complete() ? 1 : 0;
            }
            if (outcome.abstained()) {
                abstained++;
                abstainedOffTopic += question.offTopic() ? 1 : 0;
                continue;
            }
            answered++;
            grounded += outcome.grounded() ? 1 : 0;
            if (question.answerable()) {
                answeredAnswerable++;
                citedRelevant += outcome.citedRelevant() ? 1 : 0;
                citationPrecision += outcome.citations() == 0 ? 0 : (double) outcome.relevantCitations() / outcome.citations();
            }
        }
        double precision = abstained == 0 ? (offTopic == 0 ? 1 : 0) : (double) abstainedOffTopic / abstained;
        return new AnswerMetrics(precision, ratio(abstainedOffTopic, offTopic), ratio(citedRelevant, answeredAnswerable),
                answeredAnswerable == 0 ? 1 : citationPrecision / answeredAnswerable, ratio(grounded, answered), withFacts == 0 ? Double.NaN : factRecall / withFacts,
                withFacts == 0 ? Double.NaN : (double) complete / withFacts);
    }

    /** An empty denominator means nothing could go wrong: 1. */
    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 1 : (double) numerator / denominator;
    }

    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put(NAMES.get(0), abstentionPrecision);
        map.put(NAMES.get(1), abstentionRecall);
        map.put(NAMES.get(2), citationAccuracy);
        map.put(NAMES.get(3), citationPrecision);
        map.put(NAMES.get(4), groundingRate);
        // NaN: no question had facts to count (the cross-lingual set's Chinese facts mean nothing over English
        // notes), so there is no fact metric to report or gate.
        if (!Double.isNaN(answerFactRecall)) {
            map.put(NAMES.get(5), answerFactRecall);
            map.put(NAMES.get(6), answerComplete);
        }
        return map;
    }
}

package org.askthenotes.app.eval;

import org.askthenotes.generation.Answer;
import org.askthenotes.generation.Citation;

/**
 * What the answerer did with one golden question.
 *
 * @param grounded          false for an abstention, which grounds nothing
 * @param citations         how many sources the answer cites
 * @param relevantCitations how many of them are sections the golden question lists as relevant
 * @param text     the answer as the reader sees it (the abstention message when it abstained)
 * @param facts    which of the question's key facts the answer states
 */
public record AnswerOutcome(boolean abstained, boolean citedRelevant, boolean grounded, int citations,
        int relevantCitations, String text, FactScore facts) {

    public static AnswerOutcome of(GoldenQuestion question, Answer answer) {
        int relevant = (int) answer.citations().stream().filter(citation -> cites(question, citation)).count();
        return new AnswerOutcome(answer.abstained(), relevant > 0, Boolean.TRUE.equals(answer.grounded()),
                answer.citations().size(), relevant, answer.text(),
                FactScore.of(question.facts(), answer.text(), answer.abstained()));
    }

    private static boolean cites(GoldenQuestion question, Citation citation) {
        return question.relevant().stream().anyMatch(r -> r.matches(citation.notePath(), citation.headingPath()));
    }
}

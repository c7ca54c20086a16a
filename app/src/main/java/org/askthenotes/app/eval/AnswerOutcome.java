package org.askthenotes.app.eval;

import org.askthenotes.generation.Answer;
import org.askthenotes.generation.Citation;

/**
 * What the answerer did with one golden question.
 *
 * @param grounded false for an abstention, which grounds nothing
 * @param text     the answer as the reader sees it (the abstention message when it abstained)
 * @param facts    which of the question's key facts the answer states
 */
public record AnswerOutcome(boolean abstained, boolean citedRelevant, boolean grounded, int citations, String text,
        FactScore facts) {

    public static AnswerOutcome of(GoldenQuestion question, Answer answer) {
        boolean cited = answer.citations().stream().anyMatch(citation -> cites(question, citation));
        return new AnswerOutcome(answer.abstained(), cited, Boolean.TRUE.equals(answer.grounded()),
                answer.citations().size(), answer.text(),
                FactScore.of(question.facts(), answer.text(), answer.abstained()));
    }

    private static boolean cites(GoldenQuestion question, Citation citation) {
        return question.relevant().stream().anyMatch(r -> r.matches(citation.notePath(), citation.headingPath()));
    }
}

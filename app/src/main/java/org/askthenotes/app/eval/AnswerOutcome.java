package org.askthenotes.app.eval;

import org.askthenotes.generation.Answer;
import org.askthenotes.generation.Citation;

/** What the answerer did with one golden question; grounded is false for an abstention, which grounds nothing. */
public record AnswerOutcome(boolean abstained, boolean citedRelevant, boolean grounded, int citations) {

    public static AnswerOutcome of(GoldenQuestion question, Answer answer) {
        boolean cited = answer.citations().stream().anyMatch(citation -> cites(question, citation));
        return new AnswerOutcome(answer.abstained(), cited, Boolean.TRUE.equals(answer.grounded()),
                answer.citations().size());
    }

    private static boolean cites(GoldenQuestion question, Citation citation) {
        return question.relevant().stream().anyMatch(r -> r.matches(citation.notePath(), citation.headingPath()));
    }
}

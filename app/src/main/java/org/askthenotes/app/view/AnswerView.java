package org.askthenotes.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.askthenotes.generation.Answer;
import org.askthenotes.generation.Citation;
import org.askthenotes.generation.Prompt;
import org.askthenotes.generation.RetrievalQuery;

/**
 * The JSON shape of an answer: POST /api/ask, the stream's done event and {@code ask --json} all print this.
 *
 * @param grounded       null (JSON null) for an abstention: there is nothing to ground
 * @param retrievalQuery what was searched and whether the question was read as a follow-up of the conversation
 * {@code language} ("en" or "zh") is the answer's language, so the page labels it without a rule of its own.
 */
public record AnswerView(
        String answer,
        String language,
        boolean abstained,
        Boolean grounded,
        List<Citation> citations,
        List<Citation> alsoRetrieved,
        @JsonInclude(JsonInclude.Include.NON_NULL) Prompt prompt,
        String answerer,
        Map<String, Long> timingsMs,
        List<String> ungroundedSentences,
        List<String> droppedMarkers,
        RetrievalQuery retrievalQuery) {

    public static AnswerView of(Answer answer) {
        return new AnswerView(answer.text(), answer.language(), answer.abstained(), answer.grounded(), answer.citations(),
                answer.alsoRetrieved(), answer.prompt(), answer.answerer(), answer.timingsMs(),
                answer.ungroundedSentences(), answer.droppedMarkers(), answer.retrievalQuery());
    }
}

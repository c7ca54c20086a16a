package org.askthenotes.app.web;

import java.util.List;
import org.askthenotes.app.feedback.Rating;
import org.askthenotes.generation.Citation;

/**
 * The JSON body of POST /api/feedback: the answer as the page received it, and the learner's verdict.
 * {@code comment} and {@code rightSection} are optional.
 */
public record FeedbackBody(
        String question,
        List<AskBody.TurnBody> history,
        String answer,
        List<Citation> citations,
        String answerer,
        String mode,
        String thumbs,
        String comment,
        Rating.Section rightSection) {
}

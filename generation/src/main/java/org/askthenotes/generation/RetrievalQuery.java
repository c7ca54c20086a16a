package org.askthenotes.generation;

import java.util.Objects;

/**
 * What was searched for a question, and why: shown with the answer so a reader can see whether the question was
 * read on its own or in the conversation's context.
 *
 * @param text     the query the retriever got: the question itself, or a condensed one for a follow-up
 * @param followUp true when the question was judged to depend on the earlier turns and condensed with them
 * @param reason   the {@link FollowUpDetector} rule behind the decision, e.g. "refers back with 'it'"
 */
public record RetrievalQuery(String text, boolean followUp, String reason) {
    public RetrievalQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(reason, "reason");
    }
}

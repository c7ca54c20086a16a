package org.askthenotes.generation;

import java.util.List;

/**
 * Turns a follow-up question and the earlier turns into one standalone query for retrieval. Only questions that
 * {@link FollowUpDetector} judges to depend on the conversation are condensed; the others are searched as asked.
 * It stays beside LangChain4j's {@code CompressingQueryTransformer} because that one always asks a chat model to
 * rewrite the query, while the offline default here needs none (it joins the follow-up to the previous question), and
 * a standalone question is never rewritten at all.
 */
public interface QueryCondenser {
    /**
     * Without a language model: the follow-up joined to the question its conversation thread started from and
     * any follow-ups asked since, which keeps their topic words: after "What does temperature do?" and "And
     * top-p?", "And top-k?" is searched as "What does temperature do? And top-p? And top-k?". Three questions at
     * most, so an old topic fades.
     */
    QueryCondenser JOINING = (question, history) -> {
        int start = history.size();
        while (start > 0 && history.size() - start < 2) {
            start--;
            if (!FollowUpDetector.decide(history.get(start).question(), history.subList(0, start)).followUp()) {
                break;
            }
        }
        StringBuilder query = new StringBuilder();
        for (Turn turn : history.subList(start, history.size())) {
            query.append(turn.question().strip()).append(' ');
        }
        return query.append(question.strip()).toString();
    };

    /**
     * This interface stays beside LangChain4j's {@code CompressingQueryTransformer} because the offline default
     * ({@link #JOINING}) needs no chat model, which that transformer requires.
     */
    String condense(String question, List<Turn> history);
}

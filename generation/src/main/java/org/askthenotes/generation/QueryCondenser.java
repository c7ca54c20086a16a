package org.askthenotes.generation;

import java.util.List;

/** Turns a follow-up question and the earlier turns into one standalone query for retrieval. */
public interface QueryCondenser {
    /** Without a language model: the previous question joined to the follow-up, which keeps its topic words. */
    QueryCondenser JOINING = (question, history) -> history.isEmpty()
            ? question
            : history.get(history.size() - 1).question().strip() + " " + question.strip();

    /**
     * This interface stays beside LangChain4j's {@code CompressingQueryTransformer} because the offline default
     * ({@link #JOINING}) needs no chat model, which that transformer requires.
     */
    String condense(String question, List<Turn> history);
}

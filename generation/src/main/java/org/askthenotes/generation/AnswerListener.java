package org.askthenotes.generation;

import java.util.List;
import org.askthenotes.retrieval.Hit;

/** Receives an answer as it is made: sources first, then text deltas, then the finished answer. */
public interface AnswerListener {
    AnswerListener NONE = new AnswerListener() { };

    /**
     * The retrieved sources, numbered [1]..[n] in list order, before any text: the k hits, then for a list question
     * whose items are sections the child sections retrieval missed.
     */
    default void onSources(List<Hit> sources) { }

    /** The next piece of answer text. */
    default void onDelta(String text) { }

    /** The finished answer with citations and grounding. */
    default void onComplete(Answer answer) { }
}

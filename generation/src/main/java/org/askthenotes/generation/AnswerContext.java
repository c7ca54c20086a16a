package org.askthenotes.generation;

import java.util.List;
import java.util.Objects;
import org.askthenotes.retrieval.Hit;

/**
 * What an answerer works from.
 *
 * @param sources the retrieved hits, numbered [1]..[k] in list order
 * @param prompt  the rendered four-part prompt over exactly these sources
 */
public record AnswerContext(String question, List<Turn> history, List<Hit> sources, Prompt prompt) {
    public AnswerContext {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(prompt, "prompt");
        history = List.copyOf(history);
        sources = List.copyOf(sources);
    }
}

package org.askthenotes.app.eval;

import java.util.List;
import java.util.Objects;

/**
 * One answerer's run over the golden set.
 *
 * @param answerer the answerer's name: "extractive", "openai", "ollama"
 * @param outcomes one per golden question, in golden-set order
 */
public record AnswererResult(String answerer, AnswerMetrics metrics, List<AnswerOutcome> outcomes) {
    public AnswererResult {
        Objects.requireNonNull(answerer, "answerer");
        Objects.requireNonNull(metrics, "metrics");
        outcomes = List.copyOf(outcomes);
    }
}

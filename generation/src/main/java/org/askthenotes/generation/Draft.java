package org.askthenotes.generation;

import java.util.Objects;

/**
 * An answer's raw text, [n] markers and all, before citations are checked.
 *
 * @param answerer the name of the answerer that wrote it: "extractive", "openai", "ollama"
 */
public record Draft(String text, String answerer) {
    public Draft {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(answerer, "answerer");
    }
}

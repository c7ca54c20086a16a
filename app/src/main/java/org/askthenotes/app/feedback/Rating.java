package org.askthenotes.app.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.askthenotes.generation.Citation;
import org.askthenotes.generation.Turn;

/**
 * A learner's verdict on one answer, with everything needed to turn it into a golden question later.
 *
 * @param id             assigned by the store; 0 before it is stored
 * @param history        the earlier turns the answer was given after
 * @param citations      the sources the answer cited
 * @param answerer       which answerer wrote it ("extractive", "openai", "none" for an abstention)
 * @param mode           the retrieval mode: bm25, vector or hybrid
 * @param embeddingModel the embedding model the index was built with
 * @param llmModel       the LLM's model name, null for the extractive answerer
 * @param comment        the learner's words, null when none
 * @param rightSection   the section the learner says holds the answer, null when none was named
 */
public record Rating(
        long id,
        Instant time,
        String question,
        List<Turn> history,
        String answer,
        List<Citation> citations,
        String answerer,
        String mode,
        String embeddingModel,
        @JsonInclude(JsonInclude.Include.NON_NULL) String llmModel,
        Thumbs thumbs,
        @JsonInclude(JsonInclude.Include.NON_NULL) String comment,
        @JsonInclude(JsonInclude.Include.NON_NULL) Section rightSection) {

    public enum Thumbs {
        UP, DOWN;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Thumbs parse(String value) {
            if ("up".equals(value)) {
                return UP;
            }
            if ("down".equals(value)) {
                return DOWN;
            }
            throw new IllegalArgumentException("'thumbs' must be \"up\" or \"down\", got " + value);
        }
    }

    /** A section of a note, named as the golden set names it: note path and heading path from the title down. */
    public record Section(String notePath, List<String> headingPath) {
        public Section {
            if (notePath == null || notePath.isBlank()) {
                throw new IllegalArgumentException("'rightSection.notePath' must be a note path such as x.md");
            }
            headingPath = headingPath == null ? List.of() : List.copyOf(headingPath);
        }
    }

    public Rating {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(answerer, "answerer");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(embeddingModel, "embeddingModel");
        Objects.requireNonNull(thumbs, "thumbs");
        history = history == null ? List.of() : List.copyOf(history);
        citations = citations == null ? List.of() : List.copyOf(citations);
        comment = comment == null || comment.isBlank() ? null : comment.strip();
    }

    public Rating withId(long newId) {
        return new Rating(newId, time, question, history, answer, citations, answerer, mode, embeddingModel, llmModel,
                thumbs, comment, rightSection);
    }
}

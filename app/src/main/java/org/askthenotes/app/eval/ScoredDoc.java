package org.askthenotes.app.eval;

import java.util.Objects;

/** One retrieved doc of a run and the score the system gave it. */
public record ScoredDoc(String docId, double score) {
    public ScoredDoc {
        Objects.requireNonNull(docId, "docId");
        if (docId.isBlank() || docId.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a doc id in a run must be non-empty without whitespace: '" + docId + "'");
        }
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score of doc '" + docId + "' is NaN");
        }
    }
}

package org.askthenotes.generation;

import java.util.List;
import org.askthenotes.retrieval.Hit;

/**
 * When the notes are taken not to cover a question: no retrieved hit is close in meaning (cosine similarity of
 * query and chunk below {@code minSimilarity}) and none matches strongly on words (BM25 score below
 * {@code minBm25Score}). The word evidence matters for Chinese questions, which the English embedding model
 * scores low even when the notes answer them; a search without a BM25 list (vector mode) leaves only the first.
 *
 * @param minSimilarity a cosine similarity in [-1, 1]
 * @param minBm25Score  a raw BM25 score, corpus-dependent; {@code Double.POSITIVE_INFINITY} to ignore BM25
 */
public record Abstention(double minSimilarity, double minBm25Score) {
    /**
     * The whole text of an abstention, whoever abstains: the assistant when retrieval is not confident, the
     * extractive answerer when no source holds a usable sentence, and an LLM told so by the instructions'
     * {@code {{abstention}}}.
     */
    public static final String SENTENCE = "The notes don't cover this.";

    /**
     * Calibrated with all-MiniLM-L6-v2 and hybrid search over the bundled notes and the golden set (68 answerable,
     * 14 off-topic questions); docs/generation.md has the distributions and the command.
     */
    public static final Abstention DEFAULT = new Abstention(0.30, 6.5);

    public Abstention {
        if (Double.isNaN(minSimilarity) || minSimilarity < -1 || minSimilarity > 1) {
            throw new IllegalArgumentException("minSimilarity must be a cosine similarity in [-1, 1]: " + minSimilarity);
        }
        if (Double.isNaN(minBm25Score) || minBm25Score < 0) {
            throw new IllegalArgumentException("minBm25Score must be 0 or more: " + minBm25Score);
        }
    }

    /** Judges by vector similarity alone. */
    public static Abstention similarityOnly(double minSimilarity) {
        return new Abstention(minSimilarity, Double.POSITIVE_INFINITY);
    }

    public boolean abstains(List<Hit> hits) {
        return similarity(hits) < minSimilarity && bm25(hits) < minBm25Score;
    }

    /** The best cosine similarity of any hit, -1 when there are none. */
    public static double similarity(List<Hit> hits) {
        return hits.stream().mapToDouble(Hit::vectorSimilarity).max().orElse(-1);
    }

    /** The best BM25 score of any hit, 0 when none was in the BM25 list. */
    public static double bm25(List<Hit> hits) {
        return hits.stream().mapToDouble(Hit::bm25Score).max().orElse(0);
    }
}

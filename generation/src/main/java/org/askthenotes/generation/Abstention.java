package org.askthenotes.generation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.retrieval.Hit;

/**
 * When the notes are taken not to cover a question. They cover it when a retrieved hit is close in meaning (cosine
 * similarity of query and chunk at least {@code minSimilarity}), or matches strongly on words (BM25 score at least
 * {@code minBm25Score}), or when one hit holds {@link #TOPIC_COVERAGE} of the question's topic words and the hits
 * are at least loosely close ({@code minCoveredSimilarity}).
 * <p>
 * The BM25 evidence matters for Chinese questions, which the English embedding model scores low even when the notes
 * answer them. The topic words matter for short questions such as "What is the difference between fine-tuning and
 * RAG?": a few words the notes use often add up to a low BM25 score, and the best similarity (0.27) falls under the
 * first bar, although the sources are about exactly those words. A question about something the notes never mention
 * has words no source holds ("Kyoto", "sourdough"). A search without a BM25 list (vector mode) has no BM25 scores.
 *
 * @param minSimilarity        a cosine similarity in [-1, 1]
 * @param minBm25Score         a raw BM25 score, corpus-dependent; {@code Double.POSITIVE_INFINITY} to ignore BM25
 * @param minCoveredSimilarity the looser similarity that is enough when a hit holds the question's topic words;
 *                             {@code minSimilarity} or more to ignore them
 */
public record Abstention(double minSimilarity, double minBm25Score, double minCoveredSimilarity) {
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
    public static final Abstention DEFAULT = new Abstention(0.30, 6.5, 0.20);

    /**
     * The share of the question's topic words (question words such as "what" or "difference" aside) that one
     * source's title, heading path and text must hold: a two-word question needs both, a four-word one three.
     */
    static final double TOPIC_COVERAGE = 0.75;

    public Abstention {
        if (Double.isNaN(minSimilarity) || minSimilarity < -1 || minSimilarity > 1) {
            throw new IllegalArgumentException("minSimilarity must be a cosine similarity in [-1, 1]: " + minSimilarity);
        }
        if (Double.isNaN(minBm25Score) || minBm25Score < 0) {
            throw new IllegalArgumentException("minBm25Score must be 0 or more: " + minBm25Score);
        }
        if (Double.isNaN(minCoveredSimilarity) || minCoveredSimilarity < -1 || minCoveredSimilarity > 1) {
            throw new IllegalArgumentException(
                    "minCoveredSimilarity must be a cosine similarity in [-1, 1]: " + minCoveredSimilarity);
        }
    }

    /** Judges by vector similarity alone. */
    public static Abstention similarityOnly(double minSimilarity) {
        return new Abstention(minSimilarity, Double.POSITIVE_INFINITY, minSimilarity);
    }

    /** @param question what was searched: the question, or the standalone question a follow-up was condensed into */
    public boolean abstains(String question, List<Hit> hits) {
        double similarity = similarity(hits);
        if (similarity >= minSimilarity || bm25(hits) >= minBm25Score) {
            return false;
        }
        return similarity < minCoveredSimilarity || topicCoverage(question, hits) < TOPIC_COVERAGE;
    }

    /**
     * The largest share of the question's topic words that one hit holds in its note title, heading path and text; 0
     * for a question without topic words. One hit, not all of them together: five sources between them hold many
     * everyday words ("Is a bigger model of car cheaper to insure?" finds "car" in one and "cheaper" in another). A
     * comparison whose two sides each have a section of their own is covered too: 「ROUGE 和 BLEU 有什麼不同？」
     * retrieves the ROUGE and the BLEU sections, none on both. A heading, not any text: "Python vs Java?" finds
     * "python" in a code block's fence and "Java" in a sentence about Amazon Q Developer.
     */
    public static double topicCoverage(String question, List<Hit> hits) {
        Set<String> topic = Terms.of(question);
        double best = 0;
        for (Hit hit : hits) {
            Chunk chunk = hit.chunk();
            best = Math.max(best, Terms.coverage(topic, Terms.of(chunk.noteTitle() + "\n"
                    + String.join("\n", chunk.headingPath()) + "\n" + chunk.text())));
        }
        Optional<Comparison> comparison = Comparison.of(question);
        if (comparison.isPresent() && comparison.get().sides().stream().allMatch(side -> hits.stream()
                .anyMatch(hit -> Terms.of(String.join("\n", hit.chunk().headingPath())).containsAll(side)))) {
            return 1;
        }
        return best;
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

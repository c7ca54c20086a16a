package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.askthenotes.retrieval.Hit;
import org.junit.jupiter.api.Test;

/** The topic-word evidence: a loosely similar source that holds the question's words is enough to answer. */
class AbstentionTest {
    /** Under the similarity bar (0.30), over the loose one (0.20); BM25 1.0, under its bar. */
    private static final List<Hit> LOOSE = Fixtures.hits(0.25, Fixtures.RAG, Fixtures.DIFFUSION);

    @Test
    void aShortQuestionWhoseWordsOneSourceHoldsIsAnswered() {
        assertFalse(Abstention.DEFAULT.abstains("Does retrieval-augmented generation change the model weights?", LOOSE));
    }

    @Test
    void questionAndComparisonWordsAreNotTopicWords() {
        assertEquals(1.0, Abstention.topicCoverage(
                "What's the difference between retrieval-augmented generation and model weights?", LOOSE));
    }

    @Test
    void aQuestionWithWordsNoSourceHoldsAbstains() {
        assertTrue(Abstention.DEFAULT.abstains("What is a good recipe for sourdough bread?", LOOSE));
        assertTrue(Abstention.DEFAULT.abstains("Does retrieval-augmented generation bake sourdough bread?", LOOSE));
    }

    @Test
    void wordsSpreadOverSeveralSourcesAreNotOneSourceAboutThem() {
        // "supplies" and "weights" are in the RAG chunk, "noise" and "coherent" in the diffusion one: two sources
        // hold every word between them, each only half
        String question = "Does noise supply coherent weights?";
        assertTrue(Abstention.topicCoverage(question, LOOSE) < Abstention.TOPIC_COVERAGE);
        assertTrue(Abstention.DEFAULT.abstains(question, LOOSE));
    }

    @Test
    void aComparisonWhoseSidesHaveASectionEachIsCovered() {
        // no source holds both, each heading one: the diffusion section and the RAG section
        String question = "Diffusion models vs retrieval-augmented generation: how do they differ?";
        assertEquals(1.0, Abstention.topicCoverage(question, LOOSE));
        assertFalse(Abstention.DEFAULT.abstains(question, LOOSE));
    }

    @Test
    void aComparisonWhoseSideIsOnlyInSomeTextIsNotCovered() {
        // "noise" is in the diffusion section's text and "weights" in the RAG one's, neither in a heading
        String question = "Noise vs weights?";
        assertEquals(0.5, Abstention.topicCoverage(question, LOOSE));
        assertTrue(Abstention.DEFAULT.abstains(question, LOOSE));
    }

    @Test
    void theWordsAloneAreNotEnoughWithoutAnyClosenessInMeaning() {
        List<Hit> far = Fixtures.hits(0.10, Fixtures.RAG);
        assertTrue(Abstention.DEFAULT.abstains("Does retrieval-augmented generation change the model weights?", far));
    }

    @Test
    void similarityOnlyIgnoresTheWords() {
        assertTrue(Abstention.similarityOnly(0.30)
                .abstains("Does retrieval-augmented generation change the model weights?", LOOSE));
    }
}

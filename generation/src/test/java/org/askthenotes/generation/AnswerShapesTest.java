package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One test per answer shape on the bundled notes, through the whole assistant: real index, real model. */
class AnswerShapesTest {
    private static NotesAssistant assistant;

    @BeforeAll
    static void indexTheBundledNotes() {
        BundledNotes.assumePresent();
        assistant = BundledNotes.extractiveAssistant();
    }

    @Test
    void aDefinitionSaysWhatTheThingDoesFirst() {
        Answer answer = ask("What is negative prompting?");

        assertTrue(answer.text().startsWith("A negative prompt tells the model what to leave out"), answer.text());
    }

    @Test
    void aListOfNNamesEveryItem() {
        Answer answer = ask("What are the four parts of a prompt?");

        String text = answer.text().toLowerCase(Locale.ROOT);
        for (String part : List.of("instructions", "context", "input data", "output indicator")) {
            assertTrue(text.contains(part), part + " in " + answer.text());
        }
        assertTrue(answer.text().lines().filter(line -> line.startsWith("- ")).count() >= 4,
                "the items as Markdown bullets: " + answer.text());
    }

    /**
     * Both sides are quoted, from more than one note. Which notes depends on the ranking: since the flat BM25 field and
     * RRF k = 20 (docs/evaluation.md) the foundation-models section that contrasts prompting, RAG and fine-tuning ranks
     * above the RAG note's "How RAG works", and the answer quotes it with the fine-tuning note. The wording "What is
     * the difference between fine-tuning and RAG?" is answered with the fp32 model but abstains with the quantized
     * default (no top-5 hit reaches similarity 0.30 or BM25 6.5: docs/evaluation.md, "Default model: quantized").
     */
    @Test
    void aListWhoseItemsAreSectionsQuotesEachSectionsOpening() {
        Answer answer = ask("What are the three types of machine learning?");

        String text = answer.text().toLowerCase(Locale.ROOT);
        for (String type : List.of("supervised learning", "unsupervised learning", "reinforcement learning")) {
            assertTrue(text.contains(type), type + " in " + answer.text());
        }
        List<String> sections = answer.citations().stream()
                .map(c -> c.headingPath().get(c.headingPath().size() - 1)).distinct().toList();
        assertEquals(3, sections.size(), "one cited section per type: " + sections);
        assertTrue(sections.stream().allMatch(s -> s.contains("learning")), sections.toString());
    }

    @Test
    void aQuestionSpanningTwoSectionsQuotesBoth() {
        Answer answer = ask("How does fine-tuning differ from RAG?");

        List<String> notes = answer.citations().stream().map(Citation::notePath).distinct().toList();
        assertTrue(notes.size() >= 2, notes + ": " + answer.text());
        assertTrue(notes.contains("aif-c01-fine-tuning.md"), answer.text());
        String text = answer.text().toLowerCase(Locale.ROOT);
        assertTrue(text.contains("rag adds") || text.contains("retrieval-augmented"), answer.text());
        assertTrue(text.contains("fine-tuning changes") || text.contains("fine-tuning is"), answer.text());
    }

    /**
     * The answer stays on what was asked: "training data" also appears in the overfitting section, which ranks second,
     * but that section is about neither word, so none of its sentences is added (a section on preparing training data
     * may still be).
     */
    @Test
    void anAnswerAddsNoSentenceFromASectionThatOnlyMentionsAQuestionWord() {
        Answer answer = ask("Which AWS service detects bias in training data?");

        assertTrue(answer.text().startsWith("SageMaker Clarify detects bias"), answer.text());
        assertFalse(answer.citations().stream().anyMatch(c -> String.join(" ", c.headingPath()).contains("Overfitting")),
                answer.text());
        assertFalse(answer.text().contains("overfits when"), answer.text());
    }

    @Test
    void aMixedQuestionIsAnsweredInTheLanguageRetrievalDecided() {
        Answer answer = ask("What is RAG (檢索增強生成)?");

        assertEquals("en", answer.language(), answer.text());
    }

    private static Answer ask(String question) {
        Answer answer = assistant.ask(AskRequest.of(question), AnswerListener.NONE);
        assertFalse(answer.abstained(), question);
        assertTrue(answer.grounded(), answer.ungroundedSentences().toString());
        return answer;
    }
}

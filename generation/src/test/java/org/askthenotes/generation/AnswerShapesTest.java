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

    /**
     * Retrieval returns the temperature and top-p sections, twice each in two languages, and not top-k: the answer
     * fetches the section it misses, so the list is whole, one bullet per parameter under its heading.
     */
    @Test
    void aListGetsTheChildSectionRetrievalMissed() {
        Answer answer = ask("List the inference parameters that control randomness");

        List<String> bullets = answer.text().lines().filter(line -> line.startsWith("- **")).toList();
        assertEquals(3, bullets.size(), answer.text());
        assertTrue(bullets.get(0).startsWith("- **Temperature"), answer.text());
        assertTrue(bullets.get(1).startsWith("- **Top-p"), answer.text());
        assertTrue(bullets.get(2).startsWith("- **Top-k"), answer.text());
        assertTrue(answer.citations().stream().anyMatch(c -> c.n() > AskRequest.of("").k() && c.headingPath().toString()
                .contains("Top-k")), "top-k cited from the fetched section: " + answer.citations());
    }

    /** "Six stages": retrieval holds three stages and the lead-in; the other three are fetched; the lead-in leads. */
    @Test
    void aListOfNamedSizeIsCompletedFromTheNote() {
        Answer answer = ask("What are the six stages of the foundation model lifecycle?");

        assertTrue(answer.text().startsWith("Building and operating a foundation model follows a repeating cycle of "
                + "six stages"), answer.text());
        List<String> bullets = answer.text().lines().filter(line -> line.startsWith("- **")).toList();
        assertEquals(6, bullets.size(), answer.text());
        assertTrue(bullets.get(0).startsWith("- **1. Data selection"), answer.text());
        assertTrue(bullets.get(5).startsWith("- **6. Feedback"), answer.text());
    }

    @Test
    void aChineseListQuotesEachSectionInChinese() {
        Answer answer = ask("哪些推論參數控制隨機性？");

        List<String> bullets = answer.text().lines().filter(line -> line.startsWith("- **")).toList();
        assertEquals(3, bullets.size(), answer.text());
        for (String bullet : bullets) {
            String quote = bullet.substring(bullet.indexOf("**：") + 3);
            assertTrue(quote.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    .count() > 10, "a Chinese quote: " + bullet);
        }
    }

    /**
     * 「監督式學習」 is written inside 「非監督式學習」: the unsupervised sentence is not taken for the supervised side, so
     * the answer says what each is, supervised first.
     */
    @Test
    void aChineseComparisonSaysWhatEachSideIs() {
        Answer answer = ask("監督式學習與非監督式學習有何差異？");

        assertTrue(answer.text().startsWith("在監督式學習中，模型以標記資料訓練"), answer.text());
        assertTrue(answer.text().contains("非監督式學習處理沒有標籤的資料"), answer.text());
    }

    /** A section on each side and none on both: the comparison's topic words are held side by side, so it is answered. */
    @Test
    void aChineseComparisonOfTwoSectionsIsAnswered() {
        Answer answer = ask("ROUGE 和 BLEU 有什麼不同？");

        List<String> sections = answer.citations().stream()
                .map(c -> c.headingPath().get(c.headingPath().size() - 1)).distinct().sorted().toList();
        assertEquals(List.of("BLEU", "ROUGE"), sections, answer.text());
    }

    /**
     * Fine-tuning is said by its section's opening, which retrieval held only in Chinese (SectionOpening adds the
     * English one), and RAG by the foundation-models sentence that contrasts prompting, RAG and fine-tuning, whose
     * clause opens on it; no filler follows from a section about one side alone (the answer used to end on domain
     * adaptation). With the quantized default this wording's best similarity is 0.27 and BM25 4.3: it is answered
     * because one source holds both topic words (Abstention).
     */
    @Test
    void aComparisonSaysWhatFineTuningIsAndQuotesTheSentenceThatContrastsBothSides() {
        Answer answer = ask("What is the difference between fine-tuning and RAG?");

        String text = answer.text().toLowerCase(Locale.ROOT);
        assertTrue(text.startsWith("fine-tuning continues training a pre-trained model"), answer.text());
        assertTrue(text.contains("prompting changes only the input, rag adds fresh documents"), answer.text());
        assertFalse(text.contains("domain adaptation"), answer.text());
    }

    /**
     * The benchmarks section's English opening and a later chunk are retrieved, not its Chinese opening, which is a
     * chunk of its own: it is added, and the Chinese answer says what a benchmark is instead of quoting a VPC endpoint.
     */
    @Test
    void aSectionOpeningRetrievedOnlyInEnglishIsQuotedInChinese() {
        Answer answer = ask("MMLU、SuperGLUE 這些公開題庫可以用來做什麼？有什麼限制？");

        assertTrue(answer.text().startsWith("基準資料集是經過整理、公開且附有已知答案的問題集合"), answer.text());
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

    /**
     * A checklist whose items between them hold "label", "SageMaker" and "training data" no longer comes before the
     * section that answers: a list counts by its best item when the question does not ask for a list.
     */
    @Test
    void aListOnlyOneItemOfWhichAnswersDoesNotLead() {
        Answer answer = ask("Which SageMaker tool labels training data?");

        assertTrue(answer.text().startsWith("Ground Truth creates labeled training data"), answer.text());
    }

    /** A comparison quotes what each side is, not the F1 sentence that names both ("the harmonic mean of …"). */
    @Test
    void aComparisonSaysWhatEachSideIsFirst() {
        Answer answer = ask("Precision vs recall: what's the difference?");

        assertTrue(answer.text().startsWith("Precision is TP / (TP + FP)"), answer.text());
        assertTrue(answer.text().contains("Recall is TP / (TP + FN)"), answer.text());
        assertFalse(answer.text().contains("harmonic mean"), answer.text());
    }

    /** The side the best-ranked sources are not about is quoted too: temperature ranks fourth for this question. */
    @Test
    void aComparisonQuotesTheLowerRankedSideToo() {
        Answer answer = ask("How does temperature differ from top-p?");

        assertTrue(answer.text().startsWith("Temperature rescales the probability distribution"), answer.text());
        assertTrue(answer.text().contains("Top-p, also called nucleus sampling"), answer.text());
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

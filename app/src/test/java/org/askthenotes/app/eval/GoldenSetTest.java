package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.Language;
import org.askthenotes.ingest.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenSetTest {

    private static final String GOOD = """
            {"id":"q1","question":"What does temperature change?","language":"en","relevant":[{"notePath":"llm.md","headingPath":["Inference","Temperature"],"grade":2}],"facts":[["randomness"],["0 to 0.3","low value"]],"offTopic":false}
            {"id":"q2","question":"溫度參數有什麼作用？","language":"zh","relevant":[{"notePath":"llm.md","headingPath":["Inference"],"grade":1}],"facts":[["機率分佈"]]}

            {"id":"off1","question":"How do I bake sourdough?","language":"en","relevant":[],"offTopic":true}
            """;

    @TempDir
    Path dir;

    @Test
    void readsQuestionsSkippingBlankLines() throws IOException {
        GoldenSet set = GoldenSet.read(write(GOOD));
        assertEquals(List.of("q1", "q2", "off1"), set.questions().stream().map(GoldenQuestion::id).toList());
        assertEquals(2, set.answerable().size());
        assertEquals(List.of("off1"), set.offTopic().stream().map(GoldenQuestion::id).toList());
        GoldenQuestion q1 = set.questions().get(0);
        assertEquals(new GoldenQuestion.Relevant("llm.md", List.of("Inference", "Temperature"), 2), q1.relevant().get(0));
        assertEquals(Language.CHINESE, set.questions().get(1).parsedLanguage());
        assertFalse(set.questions().get(1).offTopic(), "offTopic defaults to false");
        assertEquals(List.of(List.of("randomness"), List.of("0 to 0.3", "low value")), q1.facts());
        assertEquals(List.of(), set.questions().get(2).facts());
    }

    /** A candidate from feedback export has no facts yet: it loads, and the fact metrics skip it. */
    @Test
    void answerableQuestionWithoutFactsLoadsAsCandidate() throws IOException {
        GoldenSet set = GoldenSet.read(write(answerable("What does top-k do?", null)));
        assertEquals(List.of(), set.questions().get(0).facts());
        assertTrue(set.questions().get(0).answerable());
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                Arguments.of("{\"id\":\"q1\",\"question\":\"x\"", "Unexpected end-of-input"),
                Arguments.of("{\"id\":\"q1\",\"question\":\"x\",\"language\":\"en\",\"offTopic\":true,\"extra\":1}",
                        "Unrecognized field \"extra\""),
                Arguments.of("{\"id\":\"q1\",\"question\":\"x\",\"language\":\"en\"}",
                        "question 'q1' must have 'relevant' sections exactly when it is not 'offTopic'"),
                Arguments.of("{\"id\":\"q1\",\"question\":\"x\",\"language\":\"en\",\"offTopic\":true,"
                        + "\"relevant\":[{\"notePath\":\"a.md\",\"headingPath\":[],\"grade\":1}]}",
                        "question 'q1' must have 'relevant' sections exactly when it is not 'offTopic'"),
                Arguments.of("{\"id\":\"q1\",\"question\":\"x\",\"language\":\"en\","
                        + "\"relevant\":[{\"notePath\":\"a.md\",\"headingPath\":[\"H\"]}]}",
                        "question 'q1': 'grade' of a.md › H must be at least 1, got 0"),
                Arguments.of("{\"id\":\"q1\",\"question\":\"x\",\"language\":\"fr\",\"offTopic\":true}",
                        "question 'q1': 'language' must be one of [en, zh], got 'fr'"),
                Arguments.of("{\"id\":\"q 1\",\"question\":\"x\",\"language\":\"en\",\"offTopic\":true}",
                        "'id' must be non-empty without whitespace: 'q 1'"),
                Arguments.of("{\"id\":\"q1\",\"question\":\" \",\"language\":\"en\",\"offTopic\":true}",
                        "question 'q1' has an empty 'question'"),
                Arguments.of("{\"id\":\"off1\",\"question\":\"x\",\"language\":\"en\",\"offTopic\":true}",
                        "duplicate id 'off1'"),
                Arguments.of("{\"id\":\"q3\",\"question\":\"x\",\"language\":\"en\",\"offTopic\":true,"
                        + "\"facts\":[[\"y\"]]}", "question 'q3' is 'offTopic' and cannot have 'facts'"),
                Arguments.of(answerable("What does top-k do?", "[[\"greedy\"],[]]"),
                        "question 'q3': fact 2 [] has no alternatives"),
                Arguments.of(answerable("What does top-k do?", "[[\"greedy\",\"\"]]"),
                        "question 'q3': fact 1 [greedy, ] has an empty alternative"),
                Arguments.of(answerable("What does top-k do?", "[[\"greedy\",\"** \"]]"),
                        "question 'q3': fact 1 [greedy, ** ] has an empty alternative"),
                Arguments.of(answerable("What does top-k do?", "[[null]]"),
                        "question 'q3': fact 1 [] has an empty alternative"),
                Arguments.of(answerable("What does top-k do?", "[[\"greedy\"],[\"fixed number\",\"Top-K\"]]"),
                        "question 'q3': fact 2 [fixed number, Top-K]: 'Top-K' is already in the question"),
                Arguments.of(answerable("What do the generator and discriminator do?", "[[\"fake\"],[\"the generator\"]]"),
                        "question 'q3': fact 2 [the generator]: 'the generator' is already in the question"),
                Arguments.of(answerable("溫度參數有什麼作用？", "[[\"溫度\"]]"),
                        "question 'q3': fact 1 [溫度]: '溫度' is already in the question"));
    }

    /** An answerable question q3 with {@code facts} as raw JSON, or no facts field when null. */
    private static String answerable(String question, String facts) {
        return "{\"id\":\"q3\",\"question\":\"" + question + "\",\"language\":\"en\","
                + "\"relevant\":[{\"notePath\":\"a.md\",\"headingPath\":[\"H\"],\"grade\":1}]"
                + (facts == null ? "" : ",\"facts\":" + facts) + "}";
    }

    /** A fact only has to differ from the question's words: "token" is not the word "tokens", nor a part of it. */
    @Test
    void acceptsFactsThatAreNotWordsOfTheQuestion() throws IOException {
        GoldenSet set = GoldenSet.read(write(GOOD + answerable("How many tokens fit in a context window?",
                "[[\"token\"],[\"windowing\",\"context-window\"]]") + "\n"));
        assertEquals(List.of(List.of("token"), List.of("windowing", "context-window")),
                set.questions().get(3).facts());
    }

    /** The real golden set passes its own validation: every answerable question has facts the answer must add. */
    @Test
    void theBundledGoldenSetHasFactsForEveryAnswerableQuestion() throws IOException {
        Path root = org.askthenotes.ingest.RepoRoot.path();
        GoldenSet set = GoldenSet.read(root.resolve("docs/eval/golden.jsonl"));
        assertEquals(88, set.answerable().size());
        for (GoldenQuestion q : set.answerable()) {
            assertTrue(q.facts().size() >= 2 && q.facts().size() <= 4, q.id() + " has " + q.facts().size() + " facts");
        }
        assertTrue(set.offTopic().stream().allMatch(q -> q.facts().isEmpty()));
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void namesFileLineAndFieldOfABadQuestion(String line, String reason) throws IOException {
        Path file = write(GOOD + line + "\n");
        IOException e = assertThrows(IOException.class, () -> GoldenSet.read(file));
        assertTrue(e.getMessage().startsWith(file + ":5: "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path file = write("\n");
        assertEquals(file + ": no questions", assertThrows(IOException.class, () -> GoldenSet.read(file)).getMessage());
    }

    @Test
    void namesRelevantSectionsThatMatchNoChunk() throws IOException {
        GoldenSet set = GoldenSet.read(write(GOOD));
        List<Chunk> onlyInference = List.of(chunk("llm.md", "Inference"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> set.requireSectionsExist(onlyInference));
        assertTrue(e.getMessage().endsWith("match no chunk of the notes:\n  q1: llm.md › Inference › Temperature"),
                e.getMessage());
        set.requireSectionsExist(List.of(chunk("llm.md", "Inference", "Temperature", "Examples")));
    }

    static Chunk chunk(String notePath, String... headings) {
        return new Chunk(notePath + "#" + String.join("/", headings), notePath, "Title of " + notePath,
                List.of(headings), "", 1, 2, List.of(new Passage(Language.ENGLISH, "text")), List.of(), List.of(), "");
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("golden.jsonl");
        Files.writeString(file, text);
        return file;
    }
}

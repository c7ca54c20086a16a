package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.askthenotes.ingest.Sentences;
import org.askthenotes.retrieval.Filters;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.Retriever;
import org.askthenotes.retrieval.SearchMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline pipeline: real model, real chunks in a real index, the extractive answerer. */
class NotesAssistantTest {
    private NotesIndex retriever;
    private NotesAssistant assistant;

    @BeforeEach
    void index(@TempDir Path dir) throws IOException {
        retriever = Fixtures.index(dir);
        assistant = new NotesAssistant(retriever, TestModels.embedder(),
                Answerers.create(AnswererSettings.of("extractive")), PromptTemplate.defaults(),
                Abstention.DEFAULT, TestModels.countOnly());
    }

    @AfterEach
    void close() throws IOException {
        retriever.close();
    }

    @Test
    void streamsSourcesThenOneDeltaPerSentenceThenTheCheckedAnswer() {
        RecordingListener listener = new RecordingListener();

        Answer answer = assistant.ask(AskRequest.of("What does retrieval-augmented generation supply?"), listener);

        assertTrue(listener.inOrder(), listener.events.toString());
        assertEquals(Sentences.split(answer.text()).size(), listener.deltas.size());
        assertEquals(answer.text(), String.join("", listener.deltas));
        assertEquals(answer, listener.completed);
        assertEquals("extractive", answer.answerer());
        assertEquals(Fixtures.RAG.id(), listener.sources.get(0).chunk().id());
        assertEquals(Fixtures.RAG.id(), answer.citations().get(0).chunkId());
        assertTrue(answer.grounded(), answer.ungroundedSentences().toString());
        assertTrue(answer.droppedMarkers().isEmpty());
        assertEquals(listener.sources.size(), answer.citations().size() + answer.alsoRetrieved().size());
        assertTrue(answer.timingsMs().keySet().containsAll(
                List.of("condense", "retrieve", "prompt", "answer", "cite", "ground", "total")), answer.timingsMs().toString());
        assertNull(answer.prompt(), "only when asked for");
    }

    @Test
    void returnsTheAssembledPromptWhenAskedFor() {
        AskRequest request = new AskRequest("What are embeddings?", List.of(), 2, SearchMode.VECTOR, Filters.NONE, true);

        Answer answer = assistant.ask(request, AnswerListener.NONE);

        assertNotNull(answer.prompt());
        assertTrue(answer.prompt().context().contains("<source id=\"2\""));
        assertFalse(answer.prompt().context().contains("<source id=\"3\""));
        assertTrue(answer.prompt().inputData().contains("Question: What are embeddings?"));
    }

    @Test
    void abstainsWithTheNearestHeadingsWhenRetrievalIsNotConfident() {
        RecordingListener listener = new RecordingListener();

        Answer answer = assistant.ask(AskRequest.of("Who won the football world cup in 1998?"), listener);

        assertTrue(answer.abstained(), "confidence " + Abstention.similarity(listener.sources));
        assertEquals(Abstention.SENTENCE, answer.text());
        assertEquals(List.of(Abstention.SENTENCE), listener.deltas);
        assertEquals(5, answer.alsoRetrieved().size());
        assertFalse(answer.alsoRetrieved().get(0).headingPath().isEmpty());
        assertNull(answer.grounded(), "an abstention has nothing to ground");
        assertEquals(NotesAssistant.ABSTAINED, answer.answerer());
        assertFalse(answer.timingsMs().containsKey("answer"), "no answerer ran");
    }

    @Test
    void joinsThePreviousQuestionToAFollowUpWithoutAnLlm() {
        List<String> queries = new CopyOnWriteArrayList<>();
        Retriever recording = search -> {
            queries.add(search.query());
            return retriever.search(search);
        };
        NotesAssistant withRecording = new NotesAssistant(recording, TestModels.embedder(),
                new ExtractiveAnswerer(), PromptTemplate.defaults(), Abstention.DEFAULT,
                TestModels.countOnly());
        List<Turn> history = List.of(new Turn("What are diffusion models?", "They start from pure noise [1]."));

        Answer answer = withRecording.ask(
                new AskRequest("How do they end up?", history, 3, SearchMode.VECTOR, Filters.NONE, false),
                AnswerListener.NONE);

        assertEquals(List.of("What are diffusion models? How do they end up?"), queries);
        assertEquals(new RetrievalQuery(queries.get(0), true, "refers back with 'they'"), answer.retrievalQuery());
        assertEquals(Fixtures.DIFFUSION.id(), answer.citations().get(0).chunkId());
    }

    @Test
    void rejectsAThresholdThatIsNoCosineSimilarity() {
        assertThrows(IllegalArgumentException.class, () -> Abstention.similarityOnly(1.5));
        assertThrows(IllegalArgumentException.class, () -> new Abstention(0.3, -1, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new Abstention(0.3, 6.5, Double.NaN));
    }

    @Test
    void answersWhenEitherSimilarityOrBm25EvidenceIsStrongEnough() {
        Abstention abstention = new Abstention(0.3, 12, 0.3);
        List<org.askthenotes.retrieval.Hit> weak = List.of(
                new org.askthenotes.retrieval.Hit(Fixtures.RAG, 0.1, 1, 4.0, 1, 0.25));
        List<org.askthenotes.retrieval.Hit> wordy = List.of(
                new org.askthenotes.retrieval.Hit(Fixtures.RAG, 0.1, 1, 15.0, 1, 0.25));
        List<org.askthenotes.retrieval.Hit> close = List.of(
                new org.askthenotes.retrieval.Hit(Fixtures.RAG, 0.1, 0, 0, 1, 0.31));

        assertTrue(abstention.abstains("What is RAG?", weak));
        assertFalse(abstention.abstains("What is RAG?", wordy));
        assertFalse(abstention.abstains("What is RAG?", close));
        assertTrue(abstention.abstains("What is RAG?", List.of()));
        assertTrue(Abstention.similarityOnly(0.3).abstains("What is RAG?", wordy));
    }
}

package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.askthenotes.retrieval.Filters;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.Retriever;
import org.askthenotes.retrieval.SearchMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * The LLM path end to end against a loopback server speaking the OpenAI chat-completions protocol, over a real
 * index of real note chunks.
 */
class LlmAnswererTest {

    static final String REPLY = "Foundation models are pretrained on internet-scale data [1]. "
            + "A single foundation model can perform multiple tasks such as text summarization [1]. "
            + "They were invented on the moon in 1850 [9].";

    private NotesIndex retriever;
    private FakeOpenAiServer server;

    @BeforeEach
    void index(@TempDir Path dir) throws IOException {
        retriever = Fixtures.index(dir);
    }

    @AfterEach
    void stop() throws IOException {
        retriever.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void streamsTheAnswerAndChecksItsCitationsAndGrounding() throws IOException {
        server = new FakeOpenAiServer(request -> REPLY);
        NotesAssistant assistant = assistant(Answerers.create(settings(AnswererKind.OPENAI.id())));
        RecordingListener listener = new RecordingListener();

        Answer answer = assistant.ask(request("What are foundation models?", List.of()), listener);

        assertEquals(1, server.requests().size());
        JsonNode sent = server.requests().get(0);
        assertTrue(sent.get("stream").asBoolean(), sent.toString());
        assertEquals("test-model", sent.get("model").asText());
        assertFourSectionsAndTheContext(sent);

        assertTrue(listener.inOrder(), listener.events.toString());
        assertTrue(listener.deltas.size() > 3, "partial responses arrive as deltas: " + listener.deltas);
        assertEquals(REPLY, String.join("", listener.deltas));
        assertEquals(answer, listener.completed);

        assertEquals("openai", answer.answerer());
        assertFalse(answer.abstained());
        assertEquals("Foundation models are pretrained on internet-scale data [1]. A single foundation model can "
                + "perform multiple tasks such as text summarization [1]. They were invented on the moon in 1850.",
                answer.text());
        assertEquals(List.of("[9]"), answer.droppedMarkers());
        assertEquals(1, answer.citations().size());
        Citation citation = answer.citations().get(0);
        assertEquals(Fixtures.FOUNDATION_MODELS.id(), citation.chunkId());
        assertTrue(citation.snippet().startsWith("Generative AI is powered by models"), citation.snippet());
        assertEquals(List.of(2, 3), answer.alsoRetrieved().stream().map(Citation::n).toList());
        assertFalse(answer.grounded());
        assertEquals(List.of("They were invented on the moon in 1850."), answer.ungroundedSentences());
        assertTrue(answer.timingsMs().keySet().containsAll(List.of("retrieve", "answer", "cite", "ground", "total")));
        assertTrue(answer.prompt().user().contains("## Context"));
    }

    @Test
    void answersInOneCallWithAPlainJsonCompletion() throws IOException {
        server = new FakeOpenAiServer(request -> REPLY);
        OpenAiChatModel chat = OpenAiChatModel.builder().baseUrl(server.baseUrl()).modelName("test-model")
                .apiKey("test-key").timeout(Duration.ofSeconds(20)).build();
        LlmAnswerer answerer = new LlmAnswerer("ollama", chat, null, Duration.ofSeconds(20), server.baseUrl());
        RecordingListener listener = new RecordingListener();

        Answer answer = assistant(answerer).ask(request("What are foundation models?", List.of()), listener);

        JsonNode sent = server.requests().get(0);
        assertFalse(sent.path("stream").asBoolean(false), sent.toString());
        assertFourSectionsAndTheContext(sent);
        assertEquals(List.of("sources", "delta", "complete"), listener.events);
        assertEquals("ollama", answer.answerer());
        assertEquals(List.of(1), answer.citations().stream().map(Citation::n).toList());
        assertEquals(List.of("[9]"), answer.droppedMarkers());
        assertFalse(answer.text().contains("[9]"));
    }

    @Test
    void reportsAFailingModelByNameAndCompletesNoAnswer() throws IOException {
        server = new FakeOpenAiServer(request -> FakeOpenAiServer.FAIL);
        NotesAssistant assistant = assistant(Answerers.create(settings(AnswererKind.OPENAI.id())));
        RecordingListener listener = new RecordingListener();

        LlmFailure e = assertThrows(LlmFailure.class,
                () -> assistant.ask(request("What are foundation models?", List.of()), listener));

        assertFalse(e.unreachable(), "the server answered, badly: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("openai answerer: the LLM server at " + server.baseUrl()
                + " answered HTTP 500"), e.getMessage());
        assertTrue(e.getMessage().contains("The server had an error"), "the server's own words: " + e.getMessage());
        assertFalse(listener.events.contains("complete"));
        OpenAiChatModel chat = OpenAiChatModel.builder().baseUrl(server.baseUrl()).modelName("test-model")
                .apiKey("test-key").maxRetries(0).build();
        NotesAssistant plain = assistant(new LlmAnswerer("ollama", chat, null, Duration.ofSeconds(20), server.baseUrl()));
        LlmFailure plainError = assertThrows(LlmFailure.class,
                () -> plain.ask(request("What are foundation models?", List.of()), AnswerListener.NONE));
        assertTrue(plainError.getMessage().startsWith("ollama answerer: the LLM server at"), plainError.getMessage());
        assertFalse(plainError.unreachable());
    }

    /** A server that is down: the cause in words (refused), no Java class name, and told apart from a bad answer. */
    @Test
    void aServerThatIsDownIsReportedAsUnreachableWithItsCause() throws IOException {
        server = new FakeOpenAiServer(request -> REPLY);
        AnswererSettings settings = settings(AnswererKind.OLLAMA.id());
        server.close();
        NotesAssistant streaming = assistant(Answerers.create(settings));
        OpenAiChatModel chat = OpenAiChatModel.builder().baseUrl(settings.baseUrl()).modelName("test-model")
                .apiKey("test-key").maxRetries(0).build();
        NotesAssistant plain = assistant(new LlmAnswerer("ollama", chat, null, Duration.ofSeconds(20),
                settings.baseUrl()));
        for (NotesAssistant assistant : List.of(streaming, plain)) {
            LlmFailure e = assertThrows(LlmFailure.class,
                    () -> assistant.ask(request("What are foundation models?", List.of()), AnswerListener.NONE));
            assertTrue(e.unreachable(), e.getMessage());
            assertEquals("ollama answerer: the LLM server at " + settings.baseUrl()
                    + " refused the connection (is it running?)", e.getMessage());
        }
    }

    @Test
    void abstainsOnAnOffTopicQuestionWithoutCallingTheModel() throws IOException {
        server = new FakeOpenAiServer(request -> REPLY);
        NotesAssistant assistant = assistant(Answerers.create(settings(AnswererKind.OPENAI.id())));
        RecordingListener listener = new RecordingListener();

        Answer answer = assistant.ask(request("What is the best recipe for apple pie?", List.of()), listener);

        assertTrue(answer.abstained(), "confidence " + Abstention.similarity(listener.sources));
        assertEquals(0, server.requests().size(), "no request reaches the model");
        assertEquals(Abstention.SENTENCE, answer.text());
        assertEquals(3, answer.alsoRetrieved().size(), "the nearest headings");
        assertTrue(answer.citations().isEmpty());
        assertEquals(List.of("sources", "delta", "complete"), listener.events);
    }

    @Test
    void condensesAFollowUpWithTheModelBeforeRetrieving() throws IOException {
        server = new FakeOpenAiServer(request -> FakeOpenAiServer.message(request, "user").contains("Standalone question:")
                ? "How are foundation models pre-trained?"
                : "FMs are typically pre-trained through self-supervised learning [" + sourceSaying(request,
                        "self-supervised") + "].");
        List<String> queries = new CopyOnWriteArrayList<>();
        Retriever recording = search -> {
            queries.add(search.query());
            return retriever.search(search);
        };
        Answerer answerer = Answerers.create(settings(AnswererKind.OPENAI.id()));
        NotesAssistant assistant = new NotesAssistant(recording, TestModels.embedder(), answerer,
                PromptTemplate.defaults(), Abstention.DEFAULT,
                TestModels.countOnly());
        List<Turn> history = List.of(new Turn("What are foundation models?",
                "Foundation models are pretrained on internet-scale data [1]."));

        Answer answer = assistant.ask(request("How are they trained?", history), AnswerListener.NONE);

        assertEquals(2, server.requests().size());
        String condensePrompt = FakeOpenAiServer.message(server.requests().get(0), "user");
        assertTrue(condensePrompt.contains("Q: What are foundation models?")
                && condensePrompt.contains("Follow-up question: How are they trained?"), condensePrompt);
        assertEquals(List.of("How are foundation models pre-trained?"), queries);
        assertEquals(new RetrievalQuery("How are foundation models pre-trained?", true, "refers back with 'they'"),
                answer.retrievalQuery());
        String user = FakeOpenAiServer.message(server.requests().get(1), "user");
        assertTrue(user.contains("Q: What are foundation models?") && user.contains("Question: How are they trained?"), user);
        // the condensed question retrieves the pre-training section, which the model (as a real one would) cites
        assertEquals(Fixtures.PRE_TRAINING.id(), answer.citations().get(0).chunkId());
        assertTrue(answer.grounded(), answer.ungroundedSentences().toString());
        assertNull(new AnswererSettings(null, null, null, null, null, null).baseUrl(), "extractive needs no URL");
    }

    @Test
    void searchesAStandaloneQuestionAfterHistoryAsAskedWithoutACondenseRequest() throws IOException {
        server = new FakeOpenAiServer(request -> "FMs are typically pre-trained through self-supervised learning ["
                + sourceSaying(request, "self-supervised") + "].");
        List<String> queries = new CopyOnWriteArrayList<>();
        Retriever recording = search -> {
            queries.add(search.query());
            return retriever.search(search);
        };
        NotesAssistant assistant = new NotesAssistant(recording, TestModels.embedder(),
                Answerers.create(settings(AnswererKind.OPENAI.id())), PromptTemplate.defaults(),
                Abstention.DEFAULT, TestModels.countOnly());
        List<Turn> history = List.of(new Turn("What are diffusion models?", "They start from pure noise [1]."));

        Answer answer = assistant.ask(request("How are foundation models pre-trained?", history), AnswerListener.NONE);

        assertEquals(1, server.requests().size(), "the answer only, no condense request");
        assertFalse(FakeOpenAiServer.message(server.requests().get(0), "user").contains("Standalone question:"));
        assertEquals(List.of("How are foundation models pre-trained?"), queries);
        assertEquals(new RetrievalQuery("How are foundation models pre-trained?", false, "stands alone"),
                answer.retrievalQuery());
        assertEquals(Fixtures.PRE_TRAINING.id(), answer.citations().get(0).chunkId());
    }

    @Test
    void abstainsOnAnOffTopicQuestionAfterHistoryWithoutAnyRequest() throws IOException {
        server = new FakeOpenAiServer(request -> REPLY);
        NotesAssistant assistant = assistant(Answerers.create(settings(AnswererKind.OPENAI.id())));
        List<Turn> history = List.of(new Turn("What are foundation models?",
                "Foundation models are pretrained on internet-scale data [1]."));

        Answer answer = assistant.ask(request("What is the best recipe for apple pie?", history), AnswerListener.NONE);

        assertTrue(answer.abstained(), answer.text());
        assertNull(answer.grounded());
        assertFalse(answer.retrievalQuery().followUp());
        assertEquals(0, server.requests().size(), "neither a condense nor an answer request");
    }

    private static void assertFourSectionsAndTheContext(JsonNode sent) {
        String system = FakeOpenAiServer.message(sent, "system");
        String user = FakeOpenAiServer.message(sent, "user");
        assertTrue(system.startsWith("## Instructions") && system.contains("Cite every claim"), system);
        int context = user.indexOf("## Context");
        int input = user.indexOf("## Input data");
        int output = user.indexOf("## Output indicator");
        assertTrue(context >= 0 && context < input && input < output, user);
        assertTrue(user.contains("<source id=\"1\" note=\"" + Fixtures.FOUNDATION_MODELS.breadcrumb() + "\">"), user);
        assertTrue(user.contains("Generative AI is powered by models that are pretrained on internet-scale data"), user);
        assertTrue(user.contains("<source id=\"3\""), user);
        assertTrue(user.contains("Question: What are foundation models?"), user);
    }

    private AnswererSettings settings(String name) {
        return new AnswererSettings(name, server.baseUrl(), "test-model", "test-key", 0.0, Duration.ofSeconds(20));
    }

    private NotesAssistant assistant(Answerer answerer) {
        return new NotesAssistant(retriever, TestModels.embedder(), answerer, PromptTemplate.defaults(),
                Abstention.DEFAULT, TestModels.countOnly());
    }

    private static AskRequest request(String question, List<Turn> history) {
        return new AskRequest(question, history, 3, SearchMode.VECTOR, Filters.NONE, true);
    }

    /**
     * The number the prompt gives the source holding {@code words}, as a real model would cite it (the quantized
     * default ranks the overview, "pretrained on internet-scale data", above "Pre-training"; fp32 the other way).
     */
    private static String sourceSaying(com.fasterxml.jackson.databind.JsonNode request, String words) {
        java.util.regex.Matcher source = java.util.regex.Pattern.compile("<source id=\"(\\d+)\"[^<]*" + words)
                .matcher(FakeOpenAiServer.message(request, "user"));
        return source.find() ? source.group(1) : "0";
    }
}

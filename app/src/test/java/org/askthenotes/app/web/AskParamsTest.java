package org.askthenotes.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.Settings;
import org.askthenotes.generation.AskRequest;
import org.askthenotes.ingest.Language;
import org.askthenotes.retrieval.Filters;
import org.askthenotes.retrieval.SearchMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AskParamsTest {
    final AppConfig config = Settings.resolve(Map.of("ATN_K", "4", "ATN_MODE", "bm25"), Path.of("/tmp"), null);

    @Test
    void unsetFieldsTakeTheConfiguredDefaults() {
        AskRequest request = AskParams.request(new AskBody("  What is RAG?  ", null, null, null, null, null, null),
                config);
        assertEquals("What is RAG?", request.question());
        assertEquals(4, request.k());
        assertEquals(SearchMode.BM25, request.mode());
        assertEquals(Filters.NONE, request.filters());
        assertEquals(List.of(), request.history());
        assertEquals(false, request.includePrompt());
    }

    @Test
    void everyFieldIsCarriedOver() {
        AskBody body = new AskBody("q", 7, "Vector",
                new AskBody.FiltersBody(List.of("aws", " ", "ai"), List.of("aws"), "sub/", "zh"), "openai",
                List.of(new AskBody.TurnBody("a", "b")), true);
        AskRequest request = AskParams.request(body, config);
        assertEquals(7, request.k());
        assertEquals(SearchMode.VECTOR, request.mode());
        assertEquals(new Filters(Set.of("aws", "ai"), Set.of("aws"), "sub/", Language.CHINESE), request.filters());
        assertEquals(1, request.history().size());
        assertTrue(request.includePrompt());
    }

    static Stream<Arguments> refused() {
        AskBody.FiltersBody none = null;
        return Stream.of(
                Arguments.of(new AskBody(null, null, null, none, null, null, null), "question is required"),
                Arguments.of(new AskBody("", null, null, none, null, null, null), "question is required"),
                Arguments.of(new AskBody("x".repeat(2001), null, null, none, null, null, null), "2000"),
                Arguments.of(new AskBody("q", 0, null, none, null, null, null), "k must be between 1 and 20: 0"),
                Arguments.of(new AskBody("q", 21, null, none, null, null, null), "k must be between 1 and 20: 21"),
                Arguments.of(new AskBody("q", null, "fuzzy", none, null, null, null), "unknown mode 'fuzzy'"),
                Arguments.of(new AskBody("q", null, null, new AskBody.FiltersBody(null, null, null, "fr"), null, null,
                        null), "unknown language 'fr'"),
                Arguments.of(new AskBody("q", null, null, none, null, List.of(new AskBody.TurnBody("a", null)), null),
                        "history[0]"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void badFieldsAreRefusedNamingTheField(AskBody body, String message) {
        ApiException e = assertThrows(ApiException.class, () -> AskParams.request(body, config));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void anUnknownAnswererIsRefused() {
        assertThrows(ApiException.class, () -> AskParams.answerer("gpt9"));
        assertEquals(null, AskParams.answerer(" "));
        assertEquals("ollama", AskParams.answerer("ollama"));
    }
}

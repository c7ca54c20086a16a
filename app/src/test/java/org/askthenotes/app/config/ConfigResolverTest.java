package org.askthenotes.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.askthenotes.retrieval.SearchMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigResolverTest {
    @TempDir
    Path dir;

    @Test
    void defaultsResolveAgainstTheWorkingDirectory() {
        AppConfig config = new ConfigResolver(Map.of(), dir).resolve(Map.of(), null);
        assertEquals(dir.resolve("docs/notes"), config.notes());
        assertEquals(dir.resolve(".index"), config.index());
        assertEquals("extractive", config.answerer());
        assertEquals(SearchMode.HYBRID, config.mode());
        assertEquals(5, config.k());
        assertEquals(7070, config.port());
        assertEquals("127.0.0.1", config.host());
        assertNull(config.llmApiKey());
        assertNull(config.reindexToken());
    }

    @Test
    void theIndexBackendIsLuceneUnlessSolrIsChosenWithItsUrl() {
        ConfigResolver resolver = new ConfigResolver(Map.of("ATN_SOLR_URL", "http://solr1:8983/solr"), dir);
        AppConfig lucene = resolver.resolve(Map.of(), null);
        assertEquals("lucene", lucene.backend());
        assertEquals("ask-the-notes", lucene.solrCollection());
        AppConfig solr = resolver.resolve(Map.of(ConfigResolver.BACKEND, "Solr", ConfigResolver.SOLR_COLLECTION, "wiki"),
                null);
        assertEquals("solr", solr.backend());
        assertEquals("http://solr1:8983/solr", solr.solrUrl());
        assertEquals("wiki", solr.solrCollection());
        IllegalArgumentException noUrl = assertThrows(IllegalArgumentException.class, () -> new ConfigResolver(Map.of(),
                dir).resolve(Map.of(ConfigResolver.BACKEND, "solr"), null));
        assertTrue(noUrl.getMessage().contains("--solr-url"), noUrl.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> resolver.resolve(Map.of(ConfigResolver.BACKEND, "elastic"), null));
        assertTrue(unknown.getMessage().contains("lucene or solr"), unknown.getMessage());
    }

    static Stream<Arguments> layers() {
        return Stream.of(
                // flag, env, file, expected k
                Arguments.of("3", "4", "6", 3),
                Arguments.of(null, "4", "6", 4),
                Arguments.of(null, null, "6", 6),
                Arguments.of(null, null, null, 5));
    }

    @ParameterizedTest
    @MethodSource("layers")
    void flagsBeatEnvironmentBeatsFileBeatsDefaults(String flag, String env, String file, int expected)
            throws IOException {
        Path config = dir.resolve("atn.properties");
        Files.writeString(config, file == null ? "" : "k=" + file + "\n");
        Map<String, String> environment = env == null ? Map.of() : Map.of("ATN_K", env);
        Map<String, String> flags = flag == null ? Map.of() : Map.of("k", flag);
        assertEquals(expected, new ConfigResolver(environment, dir).resolve(flags, config).k());
    }

    @Test
    void relativePathsInTheFileResolveNextToTheFile() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("conf"));
        Path config = sub.resolve("atn.properties");
        Files.writeString(config, "notes=my-notes\nmode=bm25\nllm-model=gpt-x\n");
        AppConfig resolved = new ConfigResolver(Map.of(), dir.resolve("elsewhere")).resolve(Map.of(), config);
        assertEquals(sub.resolve("my-notes"), resolved.notes());
        assertEquals(SearchMode.BM25, resolved.mode());
        assertEquals("gpt-x", resolved.llmModel());
    }

    @Test
    void openAiKeyIsTheFallbackForTheApiKeyAndNeverPrinted() {
        AppConfig viaOpenAi = new ConfigResolver(Map.of("OPENAI_API_KEY", "sk-1"), dir).resolve(Map.of(), null);
        assertEquals("sk-1", viaOpenAi.llmApiKey());
        AppConfig own = new ConfigResolver(Map.of("OPENAI_API_KEY", "sk-1", "ATN_LLM_API_KEY", "sk-2"), dir)
                .resolve(Map.of(), null);
        assertEquals("sk-2", own.llmApiKey());
        assertTrue(!own.toString().contains("sk-2"), own.toString());
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(Map.of("ATN_K", "abc"), "ATN_K=abc: not a number"),
                Arguments.of(Map.of("ATN_K", "21"), "ATN_K=21: must be between 1 and 20"),
                Arguments.of(Map.of("ATN_MODE", "fuzzy"), "ATN_MODE=fuzzy: unknown mode 'fuzzy'"),
                Arguments.of(Map.of("ATN_ANSWERER", "gpt"), "ATN_ANSWERER=gpt: unknown answerer"),
                Arguments.of(Map.of("ATN_PORT", "70000"), "ATN_PORT=70000: must be between 0 and 65535"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void aBadSettingIsNamedWithItsSource(Map<String, String> env, String expectedStart) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigResolver(env, dir).resolve(Map.of(), null));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    @Test
    void anUnknownKeyInTheFileIsAnError() throws IOException {
        Path config = dir.resolve("atn.properties");
        Files.writeString(config, "kk=3\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigResolver(Map.of(), dir).resolve(Map.of(), config));
        assertTrue(e.getMessage().contains("unknown key 'kk'"), e.getMessage());
    }

    @Test
    void aMissingConfigFileIsNamed() {
        Path missing = dir.resolve("nope.properties");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigResolver(Map.of(), dir).resolve(Map.of(), missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}

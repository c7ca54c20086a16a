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

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsResolveAgainstTheWorkingDirectory() {
        AppConfig config = Settings.resolve(Map.of(), dir, null);
        assertEquals(dir.resolve("docs/notes"), config.notes());
        assertEquals(dir.resolve(".index"), config.index());
        assertEquals("extractive", config.answerer());
        assertEquals(SearchMode.HYBRID, config.mode());
        assertEquals(5, config.k());
        assertEquals(7070, config.port());
        assertEquals("127.0.0.1", config.host());
        assertEquals(8192, config.llmContextTokens());
        assertEquals(1024, config.llmAnswerTokens());
        assertNull(config.llmApiKey());
        assertNull(config.reindexToken());
        assertNull(config.llmTimeout());
    }

    @Test
    void theIndexBackendIsLuceneUnlessSolrIsChosenWithItsUrl() {
        Map<String, String> env = Map.of("ATN_SOLR_URL", "http://solr1:8983/solr");
        AppConfig lucene = Settings.resolve(env, dir, null);
        assertEquals("lucene", lucene.backend());
        assertEquals("ask-the-notes", lucene.solrCollection());
        AppConfig solr = Settings.resolve(env, dir, null, "--backend", "Solr", "--solr-collection", "wiki");
        assertEquals("solr", solr.backend());
        assertEquals("http://solr1:8983/solr", solr.solrUrl());
        assertEquals("wiki", solr.solrCollection());
        IllegalArgumentException noUrl = assertThrows(IllegalArgumentException.class,
                () -> Settings.resolve(Map.of("ATN_BACKEND", "solr"), dir, null));
        assertTrue(noUrl.getMessage().contains("--solr-url"), noUrl.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> Settings.resolve(Map.of("ATN_BACKEND", "elastic"), dir, null));
        assertTrue(unknown.getMessage().contains("lucene or solr") && unknown.getMessage().contains("ATN_BACKEND"),
                unknown.getMessage());
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
        String[] flags = flag == null ? new String[0] : new String[] {"--k", flag};
        assertEquals(expected, Settings.resolve(environment, dir, config, flags).k());
    }

    @Test
    void settingsWithoutAFlagOnAnyCommandComeFromTheEnvironmentOrTheFile() throws IOException {
        Path config = dir.resolve("atn.properties");
        Files.writeString(config, "llm-model=from-file\nllm-timeout-seconds=30\nllm-temperature=0.2\n");
        AppConfig resolved = Settings.resolve(Map.of("ATN_LLM_MODEL", "from-env"), dir, config);
        assertEquals("from-env", resolved.llmModel());
        assertEquals(java.time.Duration.ofSeconds(30), resolved.llmTimeout());
        assertEquals(0.2, resolved.llmTemperature());
    }

    @Test
    void relativePathsInTheFileResolveNextToTheFile() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("conf"));
        Path config = sub.resolve("atn.properties");
        Files.writeString(config, "notes=my-notes\nmode=bm25\nllm-model=gpt-x\n");
        AppConfig resolved = Settings.resolve(Map.of(), dir.resolve("elsewhere"), config);
        assertEquals(sub.resolve("my-notes"), resolved.notes());
        assertEquals(dir.resolve("elsewhere/.index"), resolved.index());
        assertEquals(SearchMode.BM25, resolved.mode());
        assertEquals("gpt-x", resolved.llmModel());
    }

    @Test
    void openAiKeyIsTheFallbackForTheApiKeyAndNeverPrinted() {
        AppConfig viaOpenAi = Settings.resolve(Map.of("OPENAI_API_KEY", "sk-1"), dir, null);
        assertEquals("sk-1", viaOpenAi.llmApiKey());
        AppConfig own = Settings.resolve(Map.of("OPENAI_API_KEY", "sk-1", "ATN_LLM_API_KEY", "sk-2"), dir, null);
        assertEquals("sk-2", own.llmApiKey());
        assertTrue(!own.toString().contains("sk-2"), own.toString());
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(Map.of("ATN_K", "abc"), "'abc' is not an int (from ATN_K)"),
                Arguments.of(Map.of("ATN_K", "21"), "ATN_K=21: must be between 1 and 20"),
                Arguments.of(Map.of("ATN_MODE", "fuzzy"), "unknown mode 'fuzzy': use bm25, vector or hybrid (from "
                        + "ATN_MODE)"),
                Arguments.of(Map.of("ATN_ANSWERER", "gpt"), "unknown answerer 'gpt': use extractive, openai or ollama"
                        + " (from ATN_ANSWERER)"),
                Arguments.of(Map.of("ATN_PORT", "70000"), "ATN_PORT=70000: must be between 0 and 65535"),
                Arguments.of(Map.of("ATN_ALLOWED_HOSTS", "http://x"), "ATN_ALLOWED_HOSTS=http://x: 'http://x' is not"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void aBadSettingIsNamedWithItsSource(Map<String, String> env, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> Settings.resolve(env, dir, null));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aBadValueInTheFileNamesTheFileAndKey() throws IOException {
        Path config = dir.resolve("atn.properties");
        Files.writeString(config, "k=0\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Settings.resolve(Map.of(), dir, config));
        assertEquals(config + ": k=0: must be between 1 and 20", e.getMessage());
    }

    @Test
    void anUnknownKeyInTheFileIsAnError() throws IOException {
        Path config = dir.resolve("atn.properties");
        Files.writeString(config, "kk=3\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Settings.resolve(Map.of(), dir, config));
        assertTrue(e.getMessage().contains("unknown key 'kk'"), e.getMessage());
    }

    @Test
    void aMissingConfigFileIsNamed() {
        Path missing = dir.resolve("nope.properties");
        ConfigException e = assertThrows(ConfigException.class, () -> Settings.resolve(Map.of(), dir, missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void everyKeyIsAnOptionOfItsOwnName() {
        assertTrue(Settings.KEYS.containsAll(java.util.List.of("notes", "index", "answerer", "mode", "k", "model",
                "llm-base-url", "llm-model", "llm-api-key", "llm-temperature", "llm-timeout-seconds", "reindex-token",
                "host", "port", "allowed-hosts", "insecure", "llm-context-tokens", "llm-answer-tokens", "backend",
                "solr-url", "solr-collection")), Settings.KEYS.toString());
        assertEquals(21, Settings.KEYS.size(), Settings.KEYS.toString());
    }
}

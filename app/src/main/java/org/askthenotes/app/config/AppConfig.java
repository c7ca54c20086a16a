package org.askthenotes.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.askthenotes.generation.AnswererKind;
import org.askthenotes.retrieval.SearchMode;

/**
 * Everything the app is configured with, resolved once from the command line, the environment and a config file by {@link Settings}.
 *
 * @param notes           the notes folder
 * @param index           the index folder
 * @param answerer        the default answerer: extractive, openai or ollama
 * @param embeddingModel  the embedding model name (see Embedders)
 * @param llmBaseUrl      the LLM endpoint, null for the answerer's default
 * @param llmModel        the LLM model name, null for the answerer's default
 * @param llmApiKey       null when none is configured
 * @param llmTemperature  null for the answerer's default
 * @param llmTimeout      null for the answerer's default
 * @param reindexToken    the bearer token every state-changing request (POST /api/reindex) needs, null: none
 * @param allowedHosts    host names the server answers to besides loopback names and {@code host} (serve only)
 * @param insecure        serve off loopback without a token, with a warning (serve only)
 * @param llmContextTokens the LLM's context window: sources beyond it (less the answer's share) are left out
 * @param llmAnswerTokens  the share of the context window reserved for the LLM's answer
 * @param backend          where the index lives: lucene (embedded, in {@code index}) or solr (a SolrCloud collection)
 * @param solrUrl          comma-separated Solr node URLs (backend solr), null when none is configured
 * @param solrCollection   the Solr collection (backend solr); created with its configset when missing
 */
public record AppConfig(
        Path notes,
        Path index,
        String answerer,
        SearchMode mode,
        int k,
        String embeddingModel,
        String llmBaseUrl,
        String llmModel,
        String llmApiKey,
        Double llmTemperature,
        Duration llmTimeout,
        String reindexToken,
        String host,
        int port,
        List<String> allowedHosts,
        boolean insecure,
        int llmContextTokens,
        int llmAnswerTokens,
        String backend,
        String solrUrl,
        String solrCollection) {

    public static final int MAX_K = 20;
    public static final String BACKEND_LUCENE = "lucene";
    public static final String BACKEND_SOLR = "solr";
    public static final List<String> BACKENDS = List.of(BACKEND_LUCENE, BACKEND_SOLR);

    public AppConfig {
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(embeddingModel, "embeddingModel");
        Objects.requireNonNull(host, "host");
        allowedHosts = List.copyOf(allowedHosts);
        AnswererKind.of(answerer);
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ": " + k);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (llmAnswerTokens < 1 || llmContextTokens <= llmAnswerTokens) {
            throw new IllegalArgumentException("llm-context-tokens (" + llmContextTokens + ") must be larger than "
                    + "llm-answer-tokens (" + llmAnswerTokens + ")");
        }
        if (!BACKENDS.contains(backend)) {
            throw new IllegalArgumentException("backend must be one of " + BACKENDS + ": " + backend);
        }
        if (backend.equals(BACKEND_SOLR) && (solrUrl == null || solrUrl.isBlank())) {
            throw new IllegalArgumentException("backend solr needs solr-url (--solr-url or ATN_SOLR_URL): the URL of "
                    + "one or more Solr nodes, e.g. http://localhost:8983/solr");
        }
    }

    /** A copy with another notes folder and index: tests and tools point the same settings at temp dirs. */
    public AppConfig withFolders(Path notes, Path index) {
        return new AppConfig(notes, index, answerer, mode, k, embeddingModel, llmBaseUrl, llmModel, llmApiKey,
                llmTemperature, llmTimeout, reindexToken, host, port, allowedHosts, insecure, llmContextTokens,
                llmAnswerTokens, backend, solrUrl, solrCollection);
    }

    /** The API key never shows up in logs or error messages. */
    @Override
    public String toString() {
        return "AppConfig[notes=" + notes + ", index=" + index + ", answerer=" + answerer + ", mode=" + mode.id()
                + ", k=" + k + ", model=" + embeddingModel + ", llmBaseUrl=" + llmBaseUrl + ", llmModel=" + llmModel
                + ", llmApiKey=" + (llmApiKey == null ? "none" : "***") + ", reindexToken="
                + (reindexToken == null ? "none" : "***") + ", host=" + host + ", port=" + port + ", allowedHosts="
                + allowedHosts + ", insecure=" + insecure + ", llmContextTokens=" + llmContextTokens
                + ", llmAnswerTokens=" + llmAnswerTokens + ", backend=" + backend + ", solrUrl=" + solrUrl
                + ", solrCollection=" + solrCollection + "]";
    }
}

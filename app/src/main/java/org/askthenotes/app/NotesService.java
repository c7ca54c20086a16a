package org.askthenotes.app;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.generation.Abstention;
import org.askthenotes.generation.Answer;
import org.askthenotes.generation.AnswerListener;
import org.askthenotes.generation.AnswererSettings;
import org.askthenotes.generation.Answerers;
import org.askthenotes.generation.AskRequest;
import org.askthenotes.generation.NotesAssistant;
import org.askthenotes.generation.PromptTemplate;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.IndexStats;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.SearchRequest;
import org.askthenotes.retrieval.SyncListener;
import org.askthenotes.retrieval.SyncReport;

/**
 * The pipeline the CLI and the server share: ingest → index → assistant, wired once from an {@link AppConfig}.
 * Syncs run one at a time; searches and answers run concurrently with them.
 */
public final class NotesService implements Closeable {

    private final AppConfig config;
    private final Embedder embedder;
    private final NotesIndex index;
    private final NotesIngestor ingestor = new NotesIngestor(IngestOptions.defaults());
    private final ReentrantLock syncLock = new ReentrantLock();
    private final Map<String, NotesAssistant> assistants = new ConcurrentHashMap<>();
    private volatile SyncOutcome lastSync;

    private NotesService(AppConfig config, Embedder embedder, NotesIndex index) {
        this.config = config;
        this.embedder = embedder;
        this.index = index;
    }

    /** Loads the embedding model and opens (or creates) the index; does not sync. */
    public static NotesService open(AppConfig config) throws IOException {
        if (!Files.isDirectory(config.notes())) {
            throw new IOException("notes folder not found: " + config.notes());
        }
        Embedder embedder = Embedders.create(config.embeddingModel());
        Files.createDirectories(config.index());
        return new NotesService(config, embedder, NotesIndex.open(config.index(), embedder));
    }

    public AppConfig config() {
        return config;
    }

    public Path notesRoot() {
        return config.notes();
    }

    /** Reads the notes folder and brings the index in line with it; a second caller waits for the first. */
    public SyncOutcome sync(SyncListener listener) throws IOException {
        syncLock.lock();
        try {
            IngestResult ingest = ingestor.ingest(config.notes());
            SyncReport report = index.sync(ingest, listener);
            SyncOutcome outcome = new SyncOutcome(ingest.report(), report);
            lastSync = outcome;
            return outcome;
        } finally {
            syncLock.unlock();
        }
    }

    /** The outcome of the latest sync in this process, null before the first. */
    public SyncOutcome lastSync() {
        return lastSync;
    }

    public IndexStats stats() {
        return index.stats();
    }

    public List<Hit> search(SearchRequest request) {
        return index.search(request);
    }

    /** Answers with the named answerer (null for the configured default), streaming to the listener. */
    public Answer ask(String answerer, AskRequest request, AnswerListener listener) {
        String name = answerer == null ? config.answerer() : answerer;
        if (!AppConfig.ANSWERERS.contains(name)) {
            throw new IllegalArgumentException("unknown answerer '" + name + "': use extractive, openai or ollama");
        }
        return assistants.computeIfAbsent(name, this::assistant).ask(request, listener);
    }

    private NotesAssistant assistant(String name) {
        AnswererSettings settings = new AnswererSettings(name, config.llmBaseUrl(), config.llmModel(),
                config.llmApiKey(), config.llmTemperature(), config.llmTimeout());
        return new NotesAssistant(index, embedder, Answerers.create(settings), PromptTemplate.defaults(),
                Abstention.DEFAULT);
    }

    @Override
    public void close() throws IOException {
        index.close();
    }

    /** What one sync read and what it changed in the index. */
    public record SyncOutcome(org.askthenotes.ingest.IngestReport ingest, SyncReport sync) {
        public SyncOutcome {
            Objects.requireNonNull(ingest, "ingest");
            Objects.requireNonNull(sync, "sync");
        }
    }

    /** For callers that cannot throw checked exceptions (the watcher, the reindex route). */
    public SyncOutcome syncUnchecked(SyncListener listener) {
        try {
            return sync(listener);
        } catch (IOException e) {
            throw new UncheckedIOException("sync of " + config.notes() + " failed: " + e.getMessage(), e);
        }
    }
}

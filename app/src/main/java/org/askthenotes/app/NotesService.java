package org.askthenotes.app;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.feedback.FeedbackStore;
import org.askthenotes.generation.Abstention;
import org.askthenotes.generation.Answer;
import org.askthenotes.generation.AnswerListener;
import org.askthenotes.generation.AnswererKind;
import org.askthenotes.generation.AnswererSettings;
import org.askthenotes.generation.Answerers;
import org.askthenotes.generation.AskRequest;
import org.askthenotes.generation.NotesAssistant;
import org.askthenotes.generation.PromptBudget;
import org.askthenotes.generation.PromptTemplate;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.NoteLoader;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.NotesStore;
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.IndexStats;
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
    private final NotesStore index;
    private final IngestOptions ingestOptions = IngestOptions.defaults();
    private final NotesIngestor ingestor;
    private final ReentrantLock syncLock = new ReentrantLock();
    private final Map<String, NotesAssistant> assistants = new ConcurrentHashMap<>();
    private volatile SyncOutcome lastSync;
    /** Null while the latest sync succeeded; what went wrong when it did not. */
    private volatile SyncFailure lastFailure;
    private FeedbackStore feedback;

    private NotesService(AppConfig config, Embedder embedder, NotesStore index) {
        this.config = config;
        this.embedder = embedder;
        this.index = index;
        // chunks are cut to what the configured model reads, with its own tokenizer
        this.ingestor = new NotesIngestor(ingestOptions, embedder.tokenBudget());
    }

    /** Loads the embedding model and opens (or creates) the index; does not sync. */
    public static NotesService open(AppConfig config) throws IOException {
        return open(config, false);
    }

    /**
     * For commands that only read (ask, batch): like {@link #open}, but when another process holds the index (a
     * running serve) it opens that index's last commit read-only instead; check {@link #readOnly()} before syncing.
     */
    public static NotesService openForReading(AppConfig config) throws IOException {
        return open(config, true);
    }

    private static NotesService open(AppConfig config, boolean readIfInUse) throws IOException {
        if (!Files.isDirectory(config.notes())) {
            throw new IOException("notes folder not found: " + config.notes());
        }
        Embedder embedder = Embedders.create(config.embeddingModel());
        Files.createDirectories(config.index());
        try {
            return new NotesService(config, embedder, IndexBackend.open(config, embedder, readIfInUse));
        } catch (IOException | RuntimeException e) {
            embedder.close();
            throw e;
        }
    }

    /** True when another process holds the index and this one only reads its last commit. */
    public boolean readOnly() {
        return index.readOnly();
    }

    public AppConfig config() {
        return config;
    }

    public Path notesRoot() {
        return config.notes();
    }

    /** Reads single notes (the note view) under the same rules the syncs ingest by. */
    public NoteLoader noteLoader() {
        return new NoteLoader(ingestOptions);
    }

    /**
     * Reads the notes folder and brings the index in line with it; a second caller waits for the first. A failure
     * is kept (see {@link #lastFailure()}) until a later sync succeeds.
     */
    public SyncOutcome sync(SyncListener listener) throws IOException {
        syncLock.lock();
        try {
            SyncOutcome outcome = syncLocked(listener);
            lastFailure = null;
            return outcome;
        } catch (IOException | RuntimeException | Error e) {
            lastFailure = new SyncFailure(Instant.now(), describe(e));
            throw e;
        } finally {
            syncLock.unlock();
        }
    }

    private SyncOutcome syncLocked(SyncListener listener) throws IOException {
        long start = System.nanoTime();
        // unchanged files are skipped by size and time, then by hash, before any parsing or chunking
        IngestResult ingest = ingestor.ingest(config.notes(), index.indexedFiles());
        SyncReport report = index.sync(ingest, listener);
        SyncOutcome outcome = new SyncOutcome(ingest.report(), report, (System.nanoTime() - start) / 1_000_000);
        lastSync = outcome;
        return outcome;
    }

    /** The latest sync's failure, null when it succeeded (or none ran yet). */
    public SyncFailure lastFailure() {
        return lastFailure;
    }

    /** Why a sync failed, for /api/health and the log: the folders named as such, never by absolute path. */
    private String describe(Throwable e) {
        String message = e instanceof StackOverflowError ? "a note is nested too deeply to read"
                : e instanceof OutOfMemoryError ? "out of memory"
                : e.getMessage() == null ? "unexpected failure" : e.getMessage();
        return message.replace(config.notes().toAbsolutePath().toString(), "the notes folder")
                .replace(config.notes().toString(), "the notes folder")
                .replace(config.index().toAbsolutePath().toString(), "the index folder")
                .replace(config.index().toString(), "the index folder");
    }

    /** A sync that failed: when, and why in words. */
    public record SyncFailure(Instant at, String cause) {
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
        AnswererKind.of(name);
        return assistants.computeIfAbsent(name, this::assistant).ask(request, listener);
    }

    private NotesAssistant assistant(String name) {
        AnswererSettings settings = new AnswererSettings(name, config.llmBaseUrl(), config.llmModel(),
                config.llmApiKey(), config.llmTemperature(), config.llmTimeout());
        return new NotesAssistant(index, embedder, Answerers.create(settings), PromptTemplate.defaults(),
                Abstention.DEFAULT, budget(settings));
    }

    /** The extractive answerer sends nothing anywhere, so only an LLM's prompt is fitted into a budget. */
    private PromptBudget budget(AnswererSettings settings) {
        if (settings.kind() == AnswererKind.EXTRACTIVE) {
            return PromptBudget.countOnly(embedder.tokenBudget());
        }
        return PromptBudget.forLlm(embedder.tokenBudget(), settings.modelName(),
                new PromptBudget.Limits(config.llmContextTokens(), config.llmAnswerTokens()));
    }

    /** The ratings store beside the index, opened on first use so commands that never rate never lock it. */
    public synchronized FeedbackStore feedback() throws IOException {
        if (feedback == null) {
            feedback = FeedbackStore.open(FeedbackStore.folderFor(config.index()));
        }
        return feedback;
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (feedback != null) {
                feedback.close();
            }
        }
        try {
            index.close();
        } finally {
            embedder.close();
        }
    }

    /**
     * What one sync read and what it changed in the index.
     *
     * @param millis the whole sync: listing, reading and chunking the notes, then embedding and writing
     */
    public record SyncOutcome(org.askthenotes.ingest.IngestReport ingest, SyncReport sync, long millis) {
        public SyncOutcome {
            Objects.requireNonNull(ingest, "ingest");
            Objects.requireNonNull(sync, "sync");
        }
    }

    /**
     * For callers that cannot throw checked exceptions (the watcher, the reindex route): any failure becomes one
     * exception whose message says why without absolute paths, so the route can show it to the caller.
     */
    public SyncOutcome syncUnchecked(SyncListener listener) {
        try {
            return sync(listener);
        } catch (IOException e) {
            throw new UncheckedIOException("sync failed: " + describe(e), e);
        } catch (RuntimeException | Error e) {
            throw new IllegalStateException("sync failed: " + describe(e), e);
        }
    }
}

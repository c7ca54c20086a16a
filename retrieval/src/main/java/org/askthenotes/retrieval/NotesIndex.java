package org.askthenotes.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IndexedFile;
import org.askthenotes.ingest.IngestResult;

/**
 * The persistent Lucene index of note chunks: HNSW vectors and BM25 text, searched alone or fused.
 * One writer, many concurrent searchers; a sync commits a batch of whole notes at a time (see NotesSync).
 * Another process may read the last commit ({@link #openReadOnly}) while one holds the writer.
 */
public final class NotesIndex implements NotesStore {
    private static final double RAM_BUFFER_MB = 128;
    /**
     * HNSW graph settings (docs/benchmarks.md): M = 16 links per node (Lucene's default; 32 doubles the distance
     * computations of every search) and a build beam of 200 (default 100), which builds a better-connected graph at
     * no search cost. Recall comes from the search side: a vector search's list is searched {@link
     * VectorSearcher#OVERSAMPLE} times deeper than it is kept (recall@10 at 100k chunks 0.946 at 100 candidates, 0.990
     * at 200); hybrid's shallower list ({@link HybridRetriever#HYBRID_VECTOR_DEPTH}) leans on BM25 beside it. A merge builds
     * its graph on every core ({@link #HNSW_MERGE_WORKERS}): the merge after a large sync (NotesSync) is a graph
     * build of the whole index. Only writing changes: the format and its files stay Lucene's default, so an index
     * built with other settings still opens.
     */
    static final int HNSW_MAX_CONN = 16;
    static final int HNSW_BEAM_WIDTH = 200;
    static final int HNSW_MERGE_WORKERS = Runtime.getRuntime().availableProcessors();
    private static final Codec HNSW_CODEC = new Lucene912Codec() {
        private final KnnVectorsFormat vectors = HNSW_MERGE_WORKERS > 1
                ? new Lucene99HnswVectorsFormat(HNSW_MAX_CONN, HNSW_BEAM_WIDTH, HNSW_MERGE_WORKERS, mergeWorkers())
                : new Lucene99HnswVectorsFormat(HNSW_MAX_CONN, HNSW_BEAM_WIDTH);

        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return vectors;
        }
    };

    /** Daemon threads, idle ones ended, shared by every index in the process (the codec is one constant). */
    private static ExecutorService mergeWorkers() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(HNSW_MERGE_WORKERS, HNSW_MERGE_WORKERS, 30,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "hnsw-merge-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        workers.allowCoreThreadTimeOut(true);
        return workers;
    }

    private final Path path;
    private final Directory directory;
    private final Analyzer analyzer;
    private final Analyzer queryAnalyzer;
    /** null when opened read-only */
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final IndexManifest manifest;
    /** null when opened read-only */
    private final NotesSync notesSync;
    private final HybridRetriever retriever;
    private final ExecutorService textSearches;
    private final ChunkCache chunks = new ChunkCache(ChunkCache.DEFAULT_CAPACITY);
    private final IndexStatsReader statsReader;
    /** What the last commit was built with (null before the first sync) and when; replaced after each sync. */
    private volatile Map<String, String> committed;

    private NotesIndex(Path path, Directory directory, Analyzer analyzer, IndexWriter writer, Embedder embedder,
            RetrievalOptions options, int batchChunks) throws IOException {
        this.path = path;
        this.directory = directory;
        this.analyzer = analyzer;
        this.queryAnalyzer = Analyzers.queryPerField();
        this.writer = writer;
        Similarity similarity = options.similarity();
        SearcherFactory factory = new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(similarity);
                return searcher;
            }
        };
        this.searchers = writer != null
                ? new SearcherManager(writer, factory) : new SearcherManager(directory, factory);
        this.manifest = IndexManifest.of(embedder);
        this.notesSync = writer != null ? new NotesSync(writer, embedder, batchChunks) : null;
        this.textSearches = textSearchPool();
        this.retriever = new HybridRetriever(embedder, queryAnalyzer, options, textSearches);
        this.statsReader = new IndexStatsReader(directory);
        this.committed = writer != null ? userData(writer) : userData(directory);
    }

    /** Opens (or creates) the index in {@code directory} for chunks embedded by {@code embedder}. */
    public static NotesIndex open(Path directory, Embedder embedder) throws IOException {
        return open(directory, embedder, RetrievalOptions.defaults());
    }

    /**
     * Opens at the last commit: whatever a writer that died (or a failed sync) left uncommitted is dropped, so the
     * index is always whole; the next sync finishes the job.
     */
    public static NotesIndex open(Path directory, Embedder embedder, RetrievalOptions options) throws IOException {
        return open(directory, embedder, options, NotesSync.EMBED_BATCH);
    }

    /** @param batchChunks chunks embedded between two commits of a sync */
    static NotesIndex open(Path directory, Embedder embedder, RetrievalOptions options, int batchChunks)
            throws IOException {
        Objects.requireNonNull(embedder, "embedder");
        Objects.requireNonNull(options, "options");
        Directory fs = FSDirectory.open(directory);
        Analyzer analyzer = Analyzers.perField();
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setSimilarity(options.similarity())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false)
                // fewer, larger segments on a big sync: each segment is one more HNSW graph to search and merge
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setCodec(HNSW_CODEC);
        try {
            IndexWriter writer = new IndexWriter(fs, config);
            return new NotesIndex(directory, fs, analyzer, writer, embedder, options, batchChunks);
        } catch (LockObtainFailedException e) {
            fs.close();
            throw new IndexInUseException(directory, e);
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    /**
     * Opens the last commit for searching only, without the write lock, so it works while another process (a
     * running {@code serve}) holds the writer. It sees that commit; {@link #sync} is refused.
     *
     * @throws IOException when there is no committed index in {@code directory}
     */
    public static NotesIndex openReadOnly(Path directory, Embedder embedder, RetrievalOptions options)
            throws IOException {
        Objects.requireNonNull(embedder, "embedder");
        Directory fs = FSDirectory.open(directory);
        try {
            if (!DirectoryReader.indexExists(fs)) {
                throw new IOException("no index at " + directory + " yet: the process holding it (a running serve?) "
                        + "has not finished its first sync; try again when it has");
            }
            return new NotesIndex(directory, fs, Analyzers.perField(), null, embedder, options,
                    NotesSync.EMBED_BATCH);
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    /** Whether this index was opened with {@link #openReadOnly}. */
    @Override
    public boolean readOnly() {
        return writer == null;
    }

    /** The index is locked by another writer: a running serve, or a second index open on the same folder. */
    public static final class IndexInUseException extends IOException {
        IndexInUseException(Path directory, LockObtainFailedException cause) {
            super("the index at " + directory + " is open in another process or index", cause);
        }
    }

    /**
     * Brings the index in line with an ingest run: adds, replaces and deletes notes by path, committing batch by
     * batch. An ingest given {@link #indexedFiles()} may leave unchanged notes unread.
     */
    public synchronized SyncReport sync(IngestResult ingest, SyncListener listener) throws IOException {
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(listener, "listener");
        if (readOnly()) {
            throw new IllegalStateException("the index at " + path + " is open read-only: it cannot sync");
        }
        try {
            return notesSync.run(ingest, listener, manifest, manifest.rebuildReason(indexedManifest()),
                    IndexManifest.unfinishedRebuild(committed));
        } finally {
            committed = userData(writer);
            // searches keep their old point-in-time view until this: none sees a sync's batches one by one
            searchers.maybeRefreshBlocking();
        }
    }

    /**
     * What the index holds for each note file (committed or not), for an ingest to skip unchanged files; empty when
     * the next sync rebuilds, since a rebuild reads every note.
     */
    public synchronized Map<String, IndexedFile> indexedFiles() throws IOException {
        if (!manifest.rebuildReason(indexedManifest()).isEmpty()) {
            return Map.of();
        }
        try (DirectoryReader reader = writer != null
                ? DirectoryReader.open(writer) : DirectoryReader.open(directory)) {
            return NotesSync.indexedFiles(reader);
        }
    }

    /**
     * Every chunk a search can see, by id: its note path, heading path and text, one per line. Two indexes of the
     * same notes hold equal contents; the chaos suite compares a crashed-then-synced index with a clean one so.
     */
    public SortedMap<String, String> contents() {
        return withSearcher(searcher -> {
            SortedMap<String, String> chunks = new TreeMap<>();
            Query all = new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_CHUNK));
            int count = Math.max(1, searcher.count(all));
            for (ScoreDoc hit : searcher.search(all, count).scoreDocs) {
                Chunk chunk = ChunkDocuments.toChunk(searcher.storedFields().document(hit.doc));
                chunks.put(chunk.id(), describe(chunk));
            }
            return chunks;
        });
    }

    /** A chunk as {@link #contents()} lists it: note path, heading path and text, one per line. */
    public static String describe(Chunk chunk) {
        return chunk.notePath() + "\n" + String.join(" > ", chunk.headingPath()) + "\n" + chunk.text();
    }

    public IndexStats stats() {
        IndexManifest indexed = indexedManifest();
        IndexManifest shown = indexed == null ? manifest : indexed;
        return withSearcher(searcher -> statsReader.read(searcher, shown.modelId(), shown.dimension(),
                IndexManifest.lastSync(committed)));
    }

    /**
     * @throws IllegalStateException when the index was built with another model or chunker and needs a sync first
     */
    @Override
    public List<Hit> search(SearchRequest request) {
        Objects.requireNonNull(request, "request");
        String rebuild = pendingRebuild();
        if (!rebuild.isEmpty()) {
            throw new IllegalStateException("the index at " + path + " needs a sync before searching: " + rebuild);
        }
        return withSearcher(searcher -> retriever.search(new LuceneView(searcher, chunks), request));
    }

    /** Why the next sync will rebuild the index, or finish a rebuild a crash interrupted; "" when neither. */
    public String pendingRebuild() {
        String reason = manifest.rebuildReason(indexedManifest());
        String unfinished = IndexManifest.unfinishedRebuild(committed);
        return !reason.isEmpty() || unfinished.isEmpty() ? reason
                : "a rebuild (" + unfinished + ") was interrupted before it finished";
    }

    /**
     * One thread per core and a bounded queue; when both are busy the searching thread runs BM25 itself, so load
     * slows searches down instead of piling up tasks.
     */
    static ExecutorService textSearchPool() {
        int threads = Runtime.getRuntime().availableProcessors();
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 4),
                runnable -> {
                    Thread thread = new Thread(runnable, "bm25-search-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Drops anything not committed (a failed sync's leftovers) and releases the index. */
    @Override
    public synchronized void close() throws IOException {
        textSearches.shutdown();
        try (directory; analyzer; queryAnalyzer; writer; searchers) {
            // closed in reverse order: searchers, writer (without commit; none when read-only), analyzers, directory
        }
    }

    private IndexManifest indexedManifest() {
        return IndexManifest.fromUserData(committed);
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the index at " + path, e);
        }
    }

    private static Map<String, String> userData(Directory directory) throws IOException {
        return Map.copyOf(SegmentInfos.readLatestCommit(directory).getUserData());
    }

    private static Map<String, String> userData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return Map.copyOf(data);
    }
}

package org.askthenotes.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.askthenotes.retrieval.IndexFields;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IndexedFile;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.Note;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.IndexStats;
import org.askthenotes.retrieval.NotesStore;
import org.askthenotes.retrieval.RetrievalOptions;
import org.askthenotes.retrieval.SearchRequest;
import org.askthenotes.retrieval.SyncListener;
import org.askthenotes.retrieval.SyncReport;
import org.askthenotes.retrieval.ViewRetriever;

/**
 * The notes index on a SolrCloud collection: the same documents, analysis, BM25 and HNSW as the embedded
 * {@code NotesIndex}, searched through retrieval's fusion ({@link ViewRetriever}), so every {@link Hit} is built
 * the same way. The client talks HTTP/1.1 over the JDK's HttpClient (no Jetty beside the app's): with HTTP/2 a node
 * that stops answers in-flight requests with GOAWAY, which the client does not retry.
 */
public final class SolrNotesIndex implements NotesStore {
    /** Chunks embedded between commits, as the embedded index's sync. */
    static final int EMBED_BATCH = 256;
    private static final int PAGE = 1000;

    private final SolrTarget target;
    private final CloudSolrClient client;
    private final ExecutorService http;
    private final Embedder embedder;
    private final SolrManifest manifest;
    private final ViewRetriever retriever;
    private final SolrSync solrSync;
    /** What the collection was last synced with, null before its first sync; re-read after each sync. */
    private volatile SolrManifest indexed;

    private SolrNotesIndex(SolrTarget target, CloudSolrClient client, ExecutorService http, Embedder embedder,
                           RetrievalOptions options, int batchChunks) throws IOException {
        this.target = target;
        this.client = client;
        this.http = http;
        this.embedder = embedder;
        this.manifest = SolrManifest.of(embedder);
        this.retriever = new ViewRetriever(embedder, options);
        this.solrSync = new SolrSync(this, embedder, batchChunks);
        this.indexed = readManifest();
    }

    /** Connects to the cluster and creates the collection (and its configset) when it is missing; does not sync. */
    public static SolrNotesIndex open(SolrTarget target, Embedder embedder, RetrievalOptions options)
            throws IOException {
        return open(target, embedder, options, EMBED_BATCH);
    }

    static SolrNotesIndex open(SolrTarget target, Embedder embedder, RetrievalOptions options, int batchChunks)
            throws IOException {
        Objects.requireNonNull(embedder, "embedder");
        // SolrJ's default is 4 threads shared by the JDK client and the threads that stream request bodies into it
        // through pipes: 4 concurrent JSON queries took all 4 and deadlocked. Threads as needed never starve so.
        ExecutorService http = Executors.newCachedThreadPool(daemonThreads());
        CloudSolrClient client = new CloudSolrClient.Builder(target.solrUrls())
                .withHttpClientBuilder(new HttpJdkSolrClient.Builder()
                        .withExecutor(http)
                        .useHttp1_1(true)
                        .withConnectionTimeout(10, TimeUnit.SECONDS)
                        .withRequestTimeout(120, TimeUnit.SECONDS))
                .build();
        try {
            SolrCollections.ensure(client, target, embedder.dimension(), options);
            return new SolrNotesIndex(target, client, http, embedder, options, batchChunks);
        } catch (IOException | RuntimeException e) {
            client.close();
            http.shutdown();
            throw e;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "solr-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public SolrTarget target() {
        return target;
    }

    /** A collection takes syncs from any process: a server's and an ingest's are both writes. */
    @Override
    public boolean readOnly() {
        return false;
    }

    /** Brings the collection in line with an ingest run, as NotesIndex.sync does for the embedded index. */
    @Override
    public synchronized SyncReport sync(IngestResult ingest, SyncListener listener) throws IOException {
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(listener, "listener");
        try {
            SolrManifest before = readManifest();
            return solrSync.run(ingest, listener, manifest, manifest.rebuildReason(before),
                    before == null ? "" : before.rebuilding());
        } finally {
            indexed = readManifest();
        }
    }

    /** What the collection holds for each note file, for an ingest to skip unchanged files; empty before a rebuild. */
    @Override
    public synchronized Map<String, IndexedFile> indexedFiles() throws IOException {
        if (!manifest.rebuildReason(readManifest()).isEmpty()) {
            return Map.of();
        }
        return indexedFilesNow();
    }

    /** Every note document, paged with a cursor (a deep page of a large collection costs the same as the first). */
    Map<String, IndexedFile> indexedFilesNow() throws IOException {
        Map<String, IndexedFile> files = new LinkedHashMap<>();
        SolrQuery query = new SolrQuery("{!term f=" + IndexFields.KIND + "}" + IndexFields.KIND_NOTE)
                .setFields(IndexFields.PATH, IndexFields.HASH, IndexFields.SIZE, IndexFields.MODIFIED)
                .setRows(PAGE)
                .setSort(SolrDocuments.DOC_ID, SolrQuery.ORDER.asc);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse response = query(query);
            for (SolrDocument document : response.getResults()) {
                files.put((String) document.getFirstValue(IndexFields.PATH), SolrDocuments.indexedFile(document));
            }
            if (cursor.equals(response.getNextCursorMark())) {
                return files;
            }
            cursor = response.getNextCursorMark();
        }
    }

    /** The docIds of a note's documents now. */
    List<String> docIds(String path) throws IOException {
        SolrQuery query = new SolrQuery("{!term f=" + IndexFields.PATH + "}" + path)
                .setFields(SolrDocuments.DOC_ID);
        List<String> ids = new ArrayList<>();
        all(query).getResults().forEach(document -> ids.add((String) document.getFirstValue(SolrDocuments.DOC_ID)));
        return ids;
    }

    /** A note as it was indexed, rebuilt from its chunk documents in the note's order. */
    Note storedNote(String path, String contentHash) throws IOException {
        SolrQuery query = new SolrQuery("{!term f=" + IndexFields.PATH + "}" + path)
                .addFilterQuery("{!term f=" + IndexFields.KIND + "}" + IndexFields.KIND_CHUNK)
                .setFields(SolrDocuments.CHUNK_FIELDS.toArray(String[]::new))
                .setSort(IndexFields.START_LINE, SolrQuery.ORDER.asc);
        List<Chunk> chunks = new ArrayList<>();
        all(query).getResults().forEach(document -> chunks.add(SolrDocuments.toChunk(document)));
        return new Note(path, chunks.isEmpty() ? path : chunks.get(0).noteTitle(), contentHash, chunks);
    }

    /** Sends updates without committing them: nothing of them is visible until a commit. */
    void send(UpdateRequest update) throws IOException {
        try {
            update.setMethod(SolrRequest.METHOD.POST);
            update.process(client, target.collection());
        } catch (SolrServerException e) {
            throw new IOException("writing to Solr collection " + target.collection() + ": " + e.getMessage(), e);
        }
    }

    /** Sends updates, then commits, waiting until new searchers see them. */
    void commit(UpdateRequest update) throws IOException {
        send(update);
        try {
            client.commit(target.collection(), true, true);
        } catch (SolrServerException e) {
            throw new IOException("committing Solr collection " + target.collection() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Hit> search(SearchRequest request) {
        Objects.requireNonNull(request, "request");
        String rebuild = pendingRebuild();
        if (!rebuild.isEmpty()) {
            throw new IllegalStateException("the Solr collection " + target.collection()
                    + " needs a sync before searching: " + rebuild);
        }
        return retriever.search(new SolrView(client, target.collection()), request);
    }

    /** Why the next sync will rebuild the collection, or finish an interrupted rebuild; "" when neither. */
    public String pendingRebuild() {
        SolrManifest current = indexed;
        String reason = manifest.rebuildReason(current);
        return !reason.isEmpty() || current == null || current.rebuilding().isEmpty() ? reason
                : "a rebuild (" + current.rebuilding() + ") was interrupted before it finished";
    }

    public IndexStats stats() {
        SolrQuery query = new SolrQuery("*:*").setRows(0).setFacet(true).setFacetLimit(-1).setFacetMinCount(1)
                .addFacetField(IndexFields.KIND, IndexFields.TAG, IndexFields.CATEGORY);
        try {
            QueryResponse response = query(query);
            SolrManifest shown = indexed == null ? manifest : indexed;
            return new IndexStats(count(response, IndexFields.KIND_NOTE), count(response, IndexFields.KIND_CHUNK),
                    shown.made().modelId(), shown.made().dimension(), 0, shown.lastSync(), values(response, IndexFields.TAG),
                    values(response, IndexFields.CATEGORY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(QueryResponse response, String kind) {
        return response.getFacetField(IndexFields.KIND).getValues().stream()
                .filter(value -> value.getName().equals(kind)).mapToInt(value -> (int) value.getCount()).sum();
    }

    private static SortedSet<String> values(QueryResponse response, String field) {
        SortedSet<String> values = new TreeSet<>();
        for (FacetField.Count count : response.getFacetField(field).getValues()) {
            values.add(count.getName());
        }
        return values;
    }

    private SolrManifest readManifest() throws IOException {
        try {
            return SolrManifest.from(client.getById(target.collection(), SolrManifest.DOC_ID));
        } catch (SolrServerException e) {
            throw new IOException("reading Solr collection " + target.collection() + ": " + e.getMessage(), e);
        }
    }

    /** Every match of a small query (one note's documents): counted first, since Solr sizes its queue by rows. */
    private QueryResponse all(SolrQuery query) throws IOException {
        long count = query(query.getCopy().setRows(0)).getResults().getNumFound();
        return query(query.setRows((int) Math.max(1, count)));
    }

    /** A response that is no answer (see SolrView.incomplete) fails here, naming the collection, not later as an NPE. */
    private QueryResponse query(SolrQuery query) throws IOException {
        try {
            QueryResponse response = client.query(target.collection(), query, SolrRequest.METHOD.POST);
            SolrServerException incomplete = SolrView.incomplete(response);
            if (incomplete != null) {
                throw incomplete;
            }
            return response;
        } catch (SolrServerException e) {
            throw new IOException("querying Solr collection " + target.collection() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try (client) {
            retriever.close();
        } finally {
            http.shutdown();
        }
    }
}

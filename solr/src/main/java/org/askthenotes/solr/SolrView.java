package org.askthenotes.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.json.JsonQueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrDocumentList;
import org.askthenotes.retrieval.IndexFields;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.retrieval.IndexView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One search's view of the collection: each list is one JSON query sent as a POST (a 384-d vector does not fit a
 * URL), its documents numbered in the order first seen so a chunk in both lists has one number. The two lists are
 * two requests, each on one searcher per shard; a note lives on one shard, so neither list sees a note half-synced.
 */
final class SolrView implements IndexView {
    private static final Logger LOG = LoggerFactory.getLogger(SolrView.class);
    private static final List<String> BM25_FIELDS =
            with(SolrDocuments.CHUNK_FIELDS, IndexFields.VECTOR, SolrDocuments.SCORE);
    private static final List<String> KNN_FIELDS = with(SolrDocuments.CHUNK_FIELDS, SolrDocuments.SCORE);

    /**
     * Fields come back with the ranking, in one pass over the shards: in Solr's default two passes (ids and scores,
     * then fields) the second may reach the shard's other replica, which, just before or after a commit, may not hold
     * the first pass's documents, and a search came back empty while a note was being replaced.
     */
    private static final String SINGLE_PASS = "distrib.singlePass";
    static final int ATTEMPTS = 4;
    private static final long RETRY_PAUSE_MILLIS = 100;

    private final SolrClient client;
    private final String collection;
    /** doc number -> document, and chunk id -> doc number; guarded by this */
    private final List<SolrDocument> documents = new ArrayList<>();
    private final Map<String, Integer> numbers = new HashMap<>();

    SolrView(SolrClient client, String collection) {
        this.client = client;
        this.collection = collection;
    }

    /** Its vector comes back too: a chunk only BM25 found still gets its cosine similarity. */
    @Override
    public TopDocs bm25(Query query, int n) throws IOException {
        JsonQueryRequest request = new JsonQueryRequest()
                .setQuery(SolrQueries.json(query))
                .setLimit(n)
                .withParam(SINGLE_PASS, true)
                .returnFields(BM25_FIELDS);
        return topDocs(request);
    }

    /**
     * Solr's topK is per shard and also how many candidates HNSW explores, as Lucene's k is per segment: {@code
     * explored} for both, as NotesIndex asks; the shards' lists are merged and cut to n. Filters run before the
     * vector search.
     */
    @Override
    public TopDocs knn(float[] queryVector, Query filter, int n, int explored) throws IOException {
        JsonQueryRequest request = new JsonQueryRequest()
                .setQuery(Map.of("knn", Map.of("f", IndexFields.VECTOR, "topK", Integer.toString(Math.max(n, explored)),
                        "query", vectorText(queryVector))))
                .setLimit(n)
                .withParam(SINGLE_PASS, true)
                .returnFields(KNN_FIELDS);
        if (filter != null) {
            request.withFilter(SolrQueries.json(filter));
        }
        return topDocs(request);
    }

    @Override
    public synchronized Chunk chunk(int doc) {
        return SolrDocuments.toChunk(documents.get(doc));
    }

    @Override
    public synchronized double similarity(int doc, float[] queryVector) {
        return dot(queryVector, SolrDocuments.vector(documents.get(doc)));
    }

    private TopDocs topDocs(JsonQueryRequest request) throws IOException {
        SolrDocumentList results = results(request);
        ScoreDoc[] scoreDocs = new ScoreDoc[results.size()];
        for (int i = 0; i < scoreDocs.length; i++) {
            SolrDocument document = results.get(i);
            scoreDocs[i] = new ScoreDoc(number(document), ((Number) document.getFirstValue("score")).floatValue());
        }
        return new TopDocs(new TotalHits(results.getNumFound(), TotalHits.Relation.EQUAL_TO), scoreDocs);
    }

    /**
     * A search is a read, so one that fails on its way through a node that is going away is sent again, up to {@link
     * #ATTEMPTS} times in all. The client's load balancer moves on from a node that refuses the connection, but a
     * request in flight when the node stops can still fail, or come back as a response with no result list at all (CI
     * saw each once in 1,000 searches), and the cluster state the client routes by catches up within moments. A bad
     * request (4xx) is the query's fault and is not repeated.
     */
    private SolrDocumentList results(JsonQueryRequest request) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Exception failure;
            try {
                QueryResponse response = request.process(client, collection);
                failure = incomplete(response);
                if (failure == null) {
                    return response.getResults();
                }
            } catch (SolrServerException | SolrException e) {
                failure = e;
            }
            if (attempt == ATTEMPTS || !worthRetrying(failure)) {
                throw new IOException("searching Solr collection " + collection + " (attempt " + attempt + " of "
                        + ATTEMPTS + "): " + failure.getMessage(), failure);
            }
            LOG.warn("searching Solr collection {}: attempt {} of {} failed, sending it again: {}", collection, attempt,
                    ATTEMPTS, failure.toString());
            pause(attempt);
        }
    }

    /**
     * Why a response that came back is no answer: it has no result list, or its header says a shard's part is
     * missing. Either would rank from part of the notes; null when the response is whole.
     */
    static SolrServerException incomplete(QueryResponse response) {
        if (response.getResults() == null) {
            return new SolrServerException("a response without a result list: " + response.getResponse());
        }
        Object partial = response.getResponseHeader() == null ? null
                : response.getResponseHeader().get("partialResults");
        if (partial != null && !Boolean.FALSE.equals(partial) && !"false".equals(partial)) {
            return new SolrServerException("partial results (" + partial + "): " + response.getResponseHeader());
        }
        return null;
    }

    /** Transport failures and server-side errors (5xx) are the node's; a 4xx is the request's own. */
    static boolean worthRetrying(Exception e) {
        return !(e instanceof SolrException solr) || solr.code() < 400 || solr.code() >= 500;
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted between attempts at a Solr search", interrupted);
        }
    }

    /** A chunk met in the second list keeps its first number; the BM25 list's copy (with its vector) wins. */
    private synchronized int number(SolrDocument document) {
        String id = (String) document.getFirstValue(IndexFields.ID);
        Integer known = numbers.get(id);
        if (known != null) {
            if (document.getFieldValues(IndexFields.VECTOR) != null) {
                documents.set(known, document);
            }
            return known;
        }
        documents.add(document);
        numbers.put(id, documents.size() - 1);
        return documents.size() - 1;
    }

    private static String vectorText(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            text.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return text.append(']').toString();
    }

    private static List<String> with(List<String> fields, String... more) {
        List<String> all = new ArrayList<>(fields);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    /** As retrieval's VectorSearcher.dot: float products summed in double, so both backends report one number. */
    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Override
    public String toString() {
        return "Solr collection " + collection;
    }
}

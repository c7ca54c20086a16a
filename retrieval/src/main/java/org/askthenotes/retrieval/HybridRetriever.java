package org.askthenotes.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.Language;

/**
 * Runs one search on one point-in-time view of an index ({@link IndexView}): the BM25 list, the kNN list or both fused by RRF, then the
 * per-section cap, then the hits with every list's rank and score.
 */
final class HybridRetriever {
    private final Embedder embedder;
    private final Bm25Searcher bm25;
    private final RrfFusion fusion;
    private final RetrievalOptions options;
    private final ExecutorService textSearches;
    private final AtomicBoolean translatorRequested = new AtomicBoolean();

    /** @param textSearches runs BM25 searches while the caller embeds the query; owned by the caller */
    HybridRetriever(Embedder embedder, Analyzer analyzer, RetrievalOptions options, ExecutorService textSearches) {
        this.embedder = embedder;
        this.textSearches = textSearches;
        this.bm25 = new Bm25Searcher(analyzer);
        this.fusion = new RrfFusion(options.rrfK());
        this.options = options;
    }

    List<Hit> search(IndexView view, SearchRequest request) throws IOException {
        if (request.query().isBlank()) {
            return List.of();
        }
        if (options.translateChinese() && !translatorRequested.getAndSet(true)) {
            // reading the dictionary costs about a second of CPU: beside the first search, so not in a process that
            // never searches (ingest: 3.3 -> 2.7 s on the bundled notes) and, after a server's warming search, not on
            // a learner's first Chinese question either
            textSearches.submit(QueryTranslator::bundled);
        }
        Query filter = FilterQueries.of(request.filters());
        int n = options.candidates(request.k());
        // the one place retrieval decides a question is Chinese: it is translated and leans on BM25
        boolean chinese = Language.of(request.query()) == Language.CHINESE;
        String english = chinese && options.translateChinese() ? QueryTranslator.bundled().englishTerms(request.query()) : "";
        // the query's embedding is most of a search's cost: the text search runs beside it, not after it
        Future<List<ScoreDoc>> bm25Search = request.mode() == SearchMode.VECTOR
                ? CompletableFuture.completedFuture(List.of())
                : textSearches.submit(() -> list(bm25.search(view, request.query(), english, filter, n)));
        // the supported models are English: a Chinese question's English terms land nearer its answer than it does
        float[] queryVector = embedder.embedQuery(english.isEmpty() ? request.query() : english);
        List<ScoreDoc> vectorList = switch (request.mode()) {
            case BM25 -> List.of();
            case VECTOR -> list(view.knn(queryVector, filter, n, VectorSearcher.explored(n)));
            case HYBRID -> {
                int depth = hybridVectorDepth(request.k());
                yield list(view.knn(queryVector, filter, depth, depth));
            }
        };
        // the graph search first: on a large index BM25 can outlast the embedding, and then the two overlap
        List<ScoreDoc> bm25List = join(bm25Search);
        List<Candidate> ranked = switch (request.mode()) {
            case BM25 -> single(bm25List);
            case VECTOR -> single(vectorList);
            case HYBRID -> fused(bm25List, vectorList, chinese ? options.chineseVectorWeight() : 1.0);
        };
        return toHits(view, ranked, bm25List, vectorList, queryVector, request, english);
    }

    /**
     * How many candidates a hybrid search's kNN list explores, and keeps all of: fusion reads the head of the list,
     * and the graph search, not the list's length, is what a hybrid search waits for after the query's embedding.
     * Measured with the list a k = 10 search gets (docs/benchmarks.md, "Hybrid's kNN list"): exploring 45 and keeping
     * all 45, against exploring 150 and keeping 100, leaves the golden and cross-lingual metrics identical, SciFact
     * hybrid nDCG@10 0.7121 → 0.7108, and makes the graph search 2.5 times cheaper (0.39 → 0.16 ms at 10k chunks,
     * 0.80 → 0.32 ms at 100k). Keeping 30 of the same 45 lost more (0.7069) for no saving. Deeper searches keep
     * {@link RetrievalOptions#candidatesPerResult()} per result (SciFact's gate, at k = 100: 400, unchanged).
     */
    static final int HYBRID_VECTOR_DEPTH = 45;

    private int hybridVectorDepth(int k) {
        return Math.max(HYBRID_VECTOR_DEPTH, k * options.candidatesPerResult());
    }

    private static List<ScoreDoc> join(Future<List<ScoreDoc>> search) throws IOException {
        try {
            return search.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while searching", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("BM25 search failed", e.getCause());
        }
    }

    private record Candidate(int doc, double score) {
    }

    private static List<ScoreDoc> list(TopDocs topDocs) {
        return topDocs == null ? List.of() : List.of(topDocs.scoreDocs);
    }

    private static List<Candidate> single(List<ScoreDoc> list) {
        return list.stream().map(d -> new Candidate(d.doc, d.score)).toList();
    }

    private List<Candidate> fused(List<ScoreDoc> bm25List, List<ScoreDoc> vectorList, double vectorWeight) {
        List<List<Integer>> rankings = List.of(docs(bm25List), docs(vectorList));
        return fusion.fuse(rankings, List.of(1.0, vectorWeight)).stream()
                .map(f -> new Candidate(f.item(), f.score()))
                .toList();
    }

    private static List<Integer> docs(List<ScoreDoc> list) {
        return list.stream().map(d -> d.doc).toList();
    }

    private List<Hit> toHits(IndexView view, List<Candidate> ranked, List<ScoreDoc> bm25List,
            List<ScoreDoc> vectorList, float[] queryVector, SearchRequest request, String english) throws IOException {
        int k = request.k();
        Map<Integer, Integer> bm25Ranks = ranks(bm25List);
        Map<Integer, Integer> vectorRanks = ranks(vectorList);
        SectionCap cap = new SectionCap(request.wholeSections() ? 0 : options.maxPerSection());
        List<Hit> hits = new ArrayList<>(k);
        for (Candidate candidate : ranked) {
            if (hits.size() == k) {
                break;
            }
            Chunk chunk = view.chunk(candidate.doc());
            if (!cap.admit(chunk)) {
                continue;
            }
            int bm25Rank = bm25Ranks.getOrDefault(candidate.doc(), 0);
            int vectorRank = vectorRanks.getOrDefault(candidate.doc(), 0);
            // the kNN list already scored its docs: only a BM25-only hit reads its vector back
            double similarity = vectorRank > 0 ? VectorSearcher.cosine(vectorList.get(vectorRank - 1).score)
                    : view.similarity(candidate.doc(), queryVector);
            // Lucene scores DOT_PRODUCT as (1 + cos) / 2; a vector hit reports the cosine itself
            double score = request.mode() == SearchMode.VECTOR ? similarity : candidate.score();
            hits.add(new Hit(chunk, score, bm25Rank, bm25Rank == 0 ? 0 : bm25List.get(bm25Rank - 1).score,
                    vectorRank, similarity, english));
        }
        return hits;
    }

    private static Map<Integer, Integer> ranks(List<ScoreDoc> list) {
        Map<Integer, Integer> ranks = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            ranks.put(list.get(i).doc, i + 1);
        }
        return ranks;
    }
}

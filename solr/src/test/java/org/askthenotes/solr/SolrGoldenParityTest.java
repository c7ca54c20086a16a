package org.askthenotes.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.RetrievalOptions;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SearchRequest;
import org.askthenotes.retrieval.SyncListener;
import org.askthenotes.retrieval.SyncReport;
import org.askthenotes.solrcluster.SolrTestClusterProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled notes and golden set on a real 2-shard x 2-replica SolrCloud collection (two nodes in a child JVM)
 * against the embedded Lucene index, with the real model; then one node stopped in the middle of 1,000 searches.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrGoldenParityTest {
    /** Section-level, as the app's GoldenEvaluator scores (eval --backend solr prints nDCG@10 as well). */
    private static final List<String> METRICS = List.of("recall@1", "recall@3", "recall@5", "recall@10", "mrr@10");
    private static final int K = 10;

    @TempDir
    static Path temp;
    private static SolrTestClusterProcess cluster;
    private static CachingEmbedder embedder;
    private static NotesIndex embedded;
    private static SolrNotesIndex solr;
    private static Path notes;

    @BeforeAll
    static void startClusterAndIndexBothWays() throws Exception {
        cluster = SolrTestClusterProcess.shared();
        embedder = new CachingEmbedder(Embedders.create(Embedders.DEFAULT));
        notes = temp.resolve("notes");
        copyFolder(repoFile("docs/notes"), notes);
        IngestResult ingest = new NotesIngestor(IngestOptions.defaults(), Embedders.tokenBudget(Embedders.DEFAULT)).ingest(notes);
        embedded = NotesIndex.open(temp.resolve("index"), embedder);
        embedded.sync(ingest, SyncListener.NONE);
        solr = SolrNotesIndex.open(new SolrTarget(cluster.nodeUrls(), "golden", 2, 2), embedder,
                RetrievalOptions.defaults());
        SyncReport report = solr.sync(ingest, SyncListener.NONE);
        assertEquals(ingest.notes().size(), report.notesAdded());
    }

    @AfterAll
    static void stop() throws IOException {
        if (solr != null) {
            solr.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    @Order(1)
    void sameChunksAndStats() {
        assertEquals(embedded.stats().chunks(), solr.stats().chunks());
        assertEquals(embedded.stats().notes(), solr.stats().notes());
        assertEquals(embedded.stats().tags(), solr.stats().tags());
        assertEquals(embedded.stats().categories(), solr.stats().categories());
    }

    @Test
    @Order(2)
    void goldenSetRanksAsTheEmbeddedIndexDoes() throws IOException {
        List<JsonNode> golden = golden();
        for (SearchMode mode : SearchMode.values()) {
            double overlap = 0;
            Map<String, Double> embeddedMetrics = new LinkedHashMap<>();
            Map<String, Double> solrMetrics = new LinkedHashMap<>();
            int answerable = 0;
            for (JsonNode question : golden) {
                SearchRequest request = new SearchRequest(question.get("question").asText(), K, mode);
                List<Hit> fromEmbedded = embedded.search(request);
                List<Hit> fromSolr = solr.search(request);
                overlap += overlap(fromEmbedded, fromSolr);
                assertSameFields(fromEmbedded, fromSolr);
                if (question.get("relevant").size() > 0) {
                    answerable++;
                    add(embeddedMetrics, metrics(question, sections(question, fromEmbedded)));
                    add(solrMetrics, metrics(question, sections(question, fromSolr)));
                }
            }
            overlap /= golden.size();
            int n = answerable;
            embeddedMetrics.replaceAll((name, sum) -> sum / n);
            solrMetrics.replaceAll((name, sum) -> sum / n);
            System.out.printf("%s: top-%d overlap %.4f; embedded %s; solr %s%n", mode.id(), K, overlap,
                    embeddedMetrics, solrMetrics);
            assertTrue(overlap >= 0.95, mode.id() + " top-10 overlap " + overlap);
            for (String metric : METRICS) {
                assertEquals(embeddedMetrics.get(metric), solrMetrics.get(metric), 0.01, mode.id() + " " + metric);
            }
        }
    }

    @Test
    @Order(3)
    void aNodeStoppedDuringAThousandSearchesFailsNoneAndASyncCatchesUpAfter() throws Exception {
        List<String> questions = golden().stream().map(q -> q.get("question").asText()).toList();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<String> errors = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> searches = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String question = questions.get(i % questions.size());
            searches.add(pool.submit(() -> {
                try {
                    if (solr.search(new SearchRequest(question, K, SearchMode.HYBRID)).isEmpty()) {
                        throw new IllegalStateException("no hits for " + question);
                    }
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    synchronized (errors) {
                        errors.add(e + (e.getCause() == null ? "" : " caused by " + e.getCause()));
                    }
                }
                done.incrementAndGet();
            }));
        }
        while (done.get() < 300) {
            Thread.sleep(10);
        }
        cluster.stopNode(1);
        int atStop = done.get();
        for (Future<?> search : searches) {
            search.get();
        }
        pool.shutdown();
        System.out.printf("1000 searches at concurrency 4, node 1 stopped after %d: %d failed %s%n", atStop,
                failed.get(), errors.stream().limit(3).toList());
        assertTrue(atStop < 1000, "the node stopped before the searches ended");
        assertEquals(0, failed.get(), () -> "failed searches: " + errors.stream().limit(5).toList());

        cluster.startNode(1);
        Path changed = notes.resolve("aif-c01-fine-tuning.md");
        Files.writeString(changed, Files.readString(changed) + "\n\n## Zebra finetuning drill\n\nA zebra-striped "
                + "checklist for the fine-tuning exam questions.\n");
        IngestResult ingest = new NotesIngestor(IngestOptions.defaults(), Embedders.tokenBudget(Embedders.DEFAULT)).ingest(notes, solr.indexedFiles());
        SyncReport report = solr.sync(ingest, SyncListener.NONE);
        assertEquals(1, report.notesChanged(), report.toString());
        assertEquals(0, report.notesAdded(), report.toString());
        assertTrue(!report.rebuilt(), report.toString());
        Hit top = solr.search(new SearchRequest("zebra-striped checklist", 1, SearchMode.BM25)).get(0);
        assertEquals("aif-c01-fine-tuning.md", top.chunk().notePath());
        assertTrue(top.chunk().text().contains("zebra-striped"), top.chunk().text());
    }

    private static double overlap(List<Hit> expected, List<Hit> actual) {
        if (expected.isEmpty()) {
            return actual.isEmpty() ? 1 : 0;
        }
        Set<String> ids = new HashSet<>(ids(expected));
        return ids(actual).stream().filter(ids::contains).count() / (double) expected.size();
    }

    private static List<String> ids(List<Hit> hits) {
        return hits.stream().map(hit -> hit.chunk().id()).toList();
    }

    /** A chunk both return carries the same fields: the chunk itself, each list's score and the similarity. */
    private static void assertSameFields(List<Hit> fromEmbedded, List<Hit> fromSolr) {
        for (Hit expected : fromEmbedded) {
            for (Hit actual : fromSolr) {
                if (actual.chunk().id().equals(expected.chunk().id())) {
                    assertEquals(expected.chunk(), actual.chunk());
                    assertEquals(expected.vectorSimilarity(), actual.vectorSimilarity(), 1e-5);
                    assertEquals(expected.bm25Score(), actual.bm25Score(), 1e-3 * Math.max(1, expected.bm25Score()));
                    assertEquals(expected.englishQuery(), actual.englishQuery());
                }
            }
        }
    }

    /** Recall@1/3/5/10 over the question's relevant sections and MRR@10, from its ranked section ids. */
    private static Map<String, Double> metrics(JsonNode question, List<String> ranked) {
        int relevant = question.get("relevant").size();
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int k : new int[] {1, 3, 5, 10}) {
            long found = ranked.stream().limit(k).filter(id -> id.startsWith("r")).count();
            metrics.put("recall@" + k, found / (double) relevant);
        }
        double reciprocal = 0;
        for (int i = 0; i < Math.min(10, ranked.size()) && reciprocal == 0; i++) {
            reciprocal = ranked.get(i).startsWith("r") ? 1.0 / (i + 1) : 0;
        }
        metrics.put("mrr@10", reciprocal);
        return metrics;
    }

    private static void add(Map<String, Double> sums, Map<String, Double> metrics) {
        metrics.forEach((name, value) -> sums.merge(name, value, Double::sum));
    }

    /** As the app's GoldenEvaluator: a chunk of relevant section i is "r<i>" (first one only), others by rank. */
    private static List<String> sections(JsonNode question, List<Hit> hits) {
        List<String> docIds = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            int section = relevantIndexOf(question, hits.get(i).chunk());
            String docId = section >= 0 ? "r" + section : "hit" + (i + 1);
            if (!docIds.contains(docId)) {
                docIds.add(docId);
            }
        }
        return docIds;
    }

    private static int relevantIndexOf(JsonNode question, Chunk chunk) {
        int best = -1;
        JsonNode relevant = question.get("relevant");
        for (int i = 0; i < relevant.size(); i++) {
            List<String> heading = new ArrayList<>();
            relevant.get(i).get("headingPath").forEach(h -> heading.add(h.asText()));
            boolean matches = relevant.get(i).get("notePath").asText().equals(chunk.notePath())
                    && chunk.headingPath().size() >= heading.size()
                    && chunk.headingPath().subList(0, heading.size()).equals(heading);
            if (matches && (best < 0 || relevant.get(i).get("grade").asInt() > relevant.get(best).get("grade").asInt())) {
                best = i;
            }
        }
        return best;
    }

    static List<JsonNode> golden() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> questions = new ArrayList<>();
        for (String line : Files.readAllLines(repoFile("docs/eval/golden.jsonl"))) {
            if (!line.isBlank()) {
                questions.add(json.readTree(line));
            }
        }
        return questions;
    }

    static Path repoFile(String relative) {
        return Path.of(System.getProperty("atn.repoRoot", "..")).resolve(relative);
    }

    static void copyFolder(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}

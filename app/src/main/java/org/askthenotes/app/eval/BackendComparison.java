package org.askthenotes.app.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.Retriever;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SearchRequest;
import org.askthenotes.solr.SolrNotesIndex;
import org.askthenotes.solr.SolrTarget;

/**
 * {@code eval --backend solr}: the golden set on a SolrCloud collection beside the embedded index, both synced from
 * the same notes with the same model: each mode's metrics side by side and the mean top-k overlap of their hits.
 * The issue's bar: overlap at least 0.95 and every metric within 0.01.
 */
public record BackendComparison(int k, List<Row> rows) {
    public static final double MIN_OVERLAP = 0.95;
    public static final double MAX_METRIC_GAP = 0.01;

    public record Row(SearchMode mode, double overlap, Evaluation lucene, Evaluation solr) {
        boolean passes() {
            return overlap >= MIN_OVERLAP && GoldenEvaluator.METRICS.stream().allMatch(metric ->
                    Math.abs(lucene.mean(metric.name()) - solr.mean(metric.name())) <= MAX_METRIC_GAP);
        }
    }

    public static BackendComparison golden(EvalRunner.Options options, Path notes, Path goldenFile, SolrTarget target)
            throws IOException {
        GoldenSet golden = GoldenSet.read(goldenFile);
        try (Embedder embedder = Embedders.create(options.model());
             NotesIndex lucene = NotesIndex.open(options.index(), embedder, options.retrieval());
             SolrNotesIndex solr = SolrNotesIndex.open(target, embedder, options.retrieval())) {
            NotesIngestor ingestor = new NotesIngestor(IngestOptions.defaults(), embedder.tokenBudget());
            lucene.sync(ingestor.ingest(notes), options.progress());
            solr.sync(ingestor.ingest(notes, solr.indexedFiles()), options.progress());
            Qrels qrels = GoldenEvaluator.qrels(golden.answerable());
            List<Row> rows = new ArrayList<>();
            for (SearchMode mode : options.modes()) {
                rows.add(row(mode, golden, qrels, lucene, solr, options.k()));
            }
            return new BackendComparison(options.k(), rows);
        }
    }

    private static Row row(SearchMode mode, GoldenSet golden, Qrels qrels, Retriever lucene, Retriever solr, int k) {
        Map<String, List<ScoredDoc>> luceneRun = new LinkedHashMap<>();
        Map<String, List<ScoredDoc>> solrRun = new LinkedHashMap<>();
        double overlap = 0;
        for (GoldenQuestion question : golden.questions()) {
            List<Hit> fromLucene = lucene.search(new SearchRequest(question.question(), k, mode));
            List<Hit> fromSolr = solr.search(new SearchRequest(question.question(), k, mode));
            overlap += overlap(fromLucene, fromSolr);
            if (question.answerable()) {
                luceneRun.put(question.id(), GoldenEvaluator.rankedDocs(question, fromLucene));
                solrRun.put(question.id(), GoldenEvaluator.rankedDocs(question, fromSolr));
            }
        }
        return new Row(mode, overlap / Math.max(1, golden.questions().size()),
                Evaluation.of(qrels, new Run(luceneRun), GoldenEvaluator.METRICS),
                Evaluation.of(qrels, new Run(solrRun), GoldenEvaluator.METRICS));
    }

    /** The share of the embedded index's hits that Solr returned too (1 when both return none). */
    static double overlap(List<Hit> expected, List<Hit> actual) {
        if (expected.isEmpty()) {
            return actual.isEmpty() ? 1 : 0;
        }
        Set<String> ids = new HashSet<>();
        expected.forEach(hit -> ids.add(hit.chunk().id()));
        return actual.stream().filter(hit -> ids.contains(hit.chunk().id())).count() / (double) expected.size();
    }

    public boolean passes() {
        return rows.stream().allMatch(Row::passes);
    }

    /** One line per mode and metric: embedded, Solr, difference; then each mode's top-k overlap. */
    public String table() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-8s %-10s %8s %8s %8s%n",
                "mode", "metric", "lucene", "solr", "diff"));
        for (Row row : rows) {
            for (var metric : GoldenEvaluator.METRICS) {
                double a = row.lucene().mean(metric.name());
                double b = row.solr().mean(metric.name());
                text.append(String.format(Locale.ROOT, "%-8s %-10s %8.4f %8.4f %+8.4f%n", row.mode().id(),
                        metric.name(), a, b, b - a));
            }
            text.append(String.format(Locale.ROOT, "%-8s %-10s %8s %8.4f %s%n", row.mode().id(), "overlap@" + k, "",
                    row.overlap(), row.passes() ? "ok" : "BELOW THE BAR (overlap >= 0.95, metrics within 0.01)"));
        }
        return text.toString();
    }
}

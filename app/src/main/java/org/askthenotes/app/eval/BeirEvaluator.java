package org.askthenotes.app.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.Retriever;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SearchRequest;

/**
 * Runs a BEIR dataset's judged queries through each mode of an index that holds its corpus (one chunk per
 * document, keyed by doc id), writes a TREC run file per mode and scores it as trec_eval would.
 */
public final class BeirEvaluator {

    public static final List<Metric> METRICS = Metric.parseAll("ndcg@10", "recall@100", "mrr@10");
    public static final int DEFAULT_K = 100;

    private final Retriever retriever;
    private final int k;

    public BeirEvaluator(Retriever retriever, int k) {
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        this.k = k;
    }

    /** Writes {@code runDir/<dataset>.<mode>.<model>.trec} for each mode. */
    public EvalReport evaluate(BeirDataset dataset, List<SearchMode> modes, String model, Path runDir)
            throws IOException {
        Map<String, String> queries = dataset.judgedQueries();
        List<ModeResult> results = new ArrayList<>();
        for (SearchMode mode : modes) {
            Map<String, List<ScoredDoc>> docs = new LinkedHashMap<>();
            queries.forEach((id, text) -> docs.put(id, search(text, mode)));
            Run run = new Run(docs);
            run.writeTrec(runFile(runDir, dataset.name(), mode, model), "atn-" + mode.id() + "-" + model);
            results.add(new ModeResult(mode, Evaluation.of(dataset.qrels(), run, METRICS), null));
        }
        return new EvalReport(dataset.name(), model, k, queries.size(), results, List.of(), null, List.of());
    }

    public static Path runFile(Path runDir, String dataset, SearchMode mode, String model) {
        return runDir.resolve(dataset + "." + mode.id() + "." + model + ".trec");
    }

    private List<ScoredDoc> search(String query, SearchMode mode) {
        List<ScoredDoc> docs = new ArrayList<>();
        for (Hit hit : retriever.search(new SearchRequest(query, k, mode))) {
            // BeirDataset makes one chunk per document with the doc id as its note path.
            docs.add(new ScoredDoc(hit.chunk().notePath(), hit.score()));
        }
        return docs;
    }
}

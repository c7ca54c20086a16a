package org.askthenotes.app.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.askthenotes.retrieval.SearchMode;

/** One retrieval mode's scores on a dataset: retrieval metrics, and answer metrics when an answerer ran. */
public record ModeResult(SearchMode mode, Evaluation retrieval, AnswerMetrics answers) {

    /** Metric name → value, retrieval metrics first: what JSON output and regression files key on. */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>(retrieval.means());
        if (answers != null) {
            metrics.putAll(answers.asMap());
        }
        return metrics;
    }
}

package org.askthenotes.app.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run scored against qrels: the mean of each metric and its value per query.
 *
 * <p>Which queries count follows trec_eval with {@code -c}: every qrels query with at least one relevant doc, a
 * query the run lacks scoring 0 on everything. Run queries without qrels are ignored.
 *
 * @param means    metric name → mean over {@code queries}
 * @param perQuery query id → metric name → value
 */
public record Evaluation(Map<String, Double> means, Map<String, Map<String, Double>> perQuery, int queries) {

    public Evaluation {
        means = Collections.unmodifiableMap(new LinkedHashMap<>(means));
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        perQuery.forEach((q, values) -> copy.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        perQuery = Collections.unmodifiableMap(copy);
    }

    public static Evaluation of(Qrels qrels, Run run, List<Metric> metrics) {
        Map<String, Map<String, Double>> perQuery = new LinkedHashMap<>();
        for (String query : qrels.queryIds()) {
            if (!qrels.hasRelevant(query)) {
                continue;
            }
            List<String> ranking = run.ranking(query);
            Map<String, Double> values = new LinkedHashMap<>();
            for (Metric metric : metrics) {
                values.put(metric.name(), metric.score(ranking, qrels.judged(query)));
            }
            perQuery.put(query, values);
        }
        Map<String, Double> means = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            means.put(metric.name(), perQuery.values().stream()
                    .mapToDouble(values -> values.get(metric.name()))
                    .average()
                    .orElse(0));
        }
        return new Evaluation(means, perQuery, perQuery.size());
    }

    public double mean(String metricName) {
        Double value = means.get(metricName);
        if (value == null) {
            throw new IllegalArgumentException("metric '" + metricName + "' was not computed; have " + means.keySet());
        }
        return value;
    }
}

package org.askthenotes.app.eval;

import java.util.List;
import java.util.Map;

/**
 * Per-query measures as trec_eval defines them. {@code ranking} is in trec_eval's order (see {@link Run}); a doc is
 * relevant when its grade is above 0.
 */
public final class Metrics {

    private Metrics() {
    }

    /** trec_eval recall_k: relevant docs in the top k over all judged relevant docs of the query. */
    public static double recall(List<String> ranking, Map<String, Integer> judged, int k) {
        long relevant = judged.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranking.stream().limit(k).filter(doc -> grade(judged, doc) > 0).count();
        return (double) found / relevant;
    }

    /** trec_eval recip_rank over the top k (BEIR's MRR@k): 1 / rank of the first relevant doc, 0 if none. */
    public static double reciprocalRank(List<String> ranking, Map<String, Integer> judged, int k) {
        int limit = Math.min(k, ranking.size());
        for (int i = 0; i < limit; i++) {
            if (grade(judged, ranking.get(i)) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /**
     * trec_eval ndcg_cut_k: gain is the grade itself (linear, not 2^g − 1), discounted by log2(rank + 1); the ideal
     * ranking sorts every judged grade of the query, retrieved or not.
     */
    public static double ndcg(List<String> ranking, Map<String, Integer> judged, int k) {
        double ideal = dcg(judged.values().stream()
                .filter(g -> g > 0)
                .sorted((a, b) -> Integer.compare(b, a))
                .limit(k)
                .mapToInt(Integer::intValue)
                .toArray());
        if (ideal == 0) {
            return 0;
        }
        double actual = dcg(ranking.stream().limit(k).mapToInt(doc -> Math.max(0, grade(judged, doc))).toArray());
        return actual / ideal;
    }

    private static double dcg(int[] gains) {
        double sum = 0;
        for (int i = 0; i < gains.length; i++) {
            sum += gains[i] / log2(i + 2);
        }
        return sum;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }

    private static int grade(Map<String, Integer> judged, String doc) {
        return judged.getOrDefault(doc, 0);
    }
}

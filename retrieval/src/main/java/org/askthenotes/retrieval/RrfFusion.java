package org.askthenotes.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal Rank Fusion (Cormack, Clarke and Büttcher, 2009): an item's score is the sum over the lists that hold it
 * of 1 / (k + rank). Only ranks count, so lists whose scores are on different scales (BM25, cosine) fuse fairly.
 * It stays beside LangChain4j's {@code ReciprocalRankFuser} because hybrid search needs weights per list and keeps
 * each item's rank in every list for the debug view and abstention, which that fuser (unweighted, returning only
 * the fused order) does not offer.
 */
public final class RrfFusion {
    /** The paper's constant; the index fuses with {@link RetrievalOptions#rrfK()}, 20 by default. */
    public static final int DEFAULT_K = 60;

    private final int k;

    public RrfFusion(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        this.k = k;
    }

    /**
     * One fused item.
     *
     * @param ranks the item's 1-based rank in each input list, in input order, 0 where a list lacks it
     */
    public record Fused<T>(T item, double score, List<Integer> ranks) {
        public Fused {
            ranks = List.copyOf(ranks);
        }
    }

    /**
     * Fuses ranked lists (best first; an item appears at most once per list). Ties in score go to the item with the
     * better single rank, then to the one met first, so the order is deterministic.
     */
    public <T> List<Fused<T>> fuse(List<List<T>> rankings) {
        return fuse(rankings, rankings.stream().map(r -> 1.0).toList());
    }

    /**
     * Weighted RRF: list i adds weights[i] / (k + rank). A weight below 1 lets a list that is known to be weak for
     * this query (say, an English-only embedding model on a Chinese question) still vote, but less.
     */
    public <T> List<Fused<T>> fuse(List<List<T>> rankings, List<Double> weights) {
        if (weights.size() != rankings.size()) {
            throw new IllegalArgumentException(weights.size() + " weights for " + rankings.size() + " lists");
        }
        Map<T, int[]> ranks = new LinkedHashMap<>();
        for (int list = 0; list < rankings.size(); list++) {
            List<T> ranking = rankings.get(list);
            for (int i = 0; i < ranking.size(); i++) {
                int[] itemRanks = ranks.computeIfAbsent(ranking.get(i), item -> new int[rankings.size()]);
                if (itemRanks[list] != 0) {
                    throw new IllegalArgumentException("list " + list + " holds " + ranking.get(i) + " twice");
                }
                itemRanks[list] = i + 1;
            }
        }
        // sort keys computed once per item, not per comparison: this runs on every hybrid search
        int size = ranks.size();
        List<Fused<T>> items = new ArrayList<>(size);
        double[] scores = new double[size];
        int[] bestRanks = new int[size];
        ranks.forEach((item, itemRanks) -> {
            int i = items.size();
            scores[i] = score(itemRanks, weights);
            bestRanks[i] = bestRank(itemRanks);
            items.add(new Fused<>(item, scores[i], ranksList(itemRanks)));
        });
        Integer[] order = new Integer[size];
        Arrays.setAll(order, i -> i);
        // a stable sort: equal scores and best ranks keep the order items were met in
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> bestRanks[i]));
        List<Fused<T>> fused = new ArrayList<>(size);
        for (int i : order) {
            fused.add(items.get(i));
        }
        return fused;
    }

    private static int bestRank(int[] itemRanks) {
        int best = Integer.MAX_VALUE;
        for (int rank : itemRanks) {
            if (rank > 0 && rank < best) {
                best = rank;
            }
        }
        return best;
    }

    private static List<Integer> ranksList(int[] itemRanks) {
        Integer[] boxed = new Integer[itemRanks.length];
        for (int i = 0; i < itemRanks.length; i++) {
            boxed[i] = itemRanks[i];
        }
        return List.of(boxed);
    }

    private double score(int[] itemRanks, List<Double> weights) {
        double score = 0;
        for (int list = 0; list < itemRanks.length; list++) {
            if (itemRanks[list] > 0) {
                score += weights.get(list) / (k + itemRanks[list]);
            }
        }
        return score;
    }
}

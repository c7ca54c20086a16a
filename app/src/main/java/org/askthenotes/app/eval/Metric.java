package org.askthenotes.app.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A measure at a cutoff, named the way reports, JSON and regression files name it: {@code ndcg@10},
 * {@code recall@100}, {@code mrr@10}.
 */
public record Metric(Kind kind, int k) {

    public enum Kind {
        NDCG, RECALL, MRR;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Metric {
        Objects.requireNonNull(kind, "kind");
        if (k < 1) {
            throw new IllegalArgumentException("metric cutoff must be at least 1: " + k);
        }
    }

    /** Parses "ndcg@10", "recall@5", "mrr@10" (any case). */
    public static Metric parse(String name) {
        String[] parts = name.trim().toLowerCase(Locale.ROOT).split("@");
        if (parts.length != 2) {
            throw new IllegalArgumentException("metric '" + name + "' must look like ndcg@10, recall@100 or mrr@10");
        }
        Kind kind = switch (parts[0]) {
            case "ndcg" -> Kind.NDCG;
            case "recall" -> Kind.RECALL;
            case "mrr" -> Kind.MRR;
            default -> throw new IllegalArgumentException("unknown metric '" + parts[0] + "' in '" + name
                    + "': use ndcg, recall or mrr");
        };
        int k;
        try {
            k = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("metric cutoff in '" + name + "' is not a number");
        }
        if (k < 1) {
            throw new IllegalArgumentException("metric cutoff in '" + name + "' must be at least 1");
        }
        return new Metric(kind, k);
    }

    public static List<Metric> parseAll(String... names) {
        return java.util.Arrays.stream(names).map(Metric::parse).toList();
    }

    public String name() {
        return kind.id() + "@" + k;
    }

    /** This measure for one query. */
    public double score(List<String> ranking, Map<String, Integer> judged) {
        return switch (kind) {
            case NDCG -> Metrics.ndcg(ranking, judged, k);
            case RECALL -> Metrics.recall(ranking, judged, k);
            case MRR -> Metrics.reciprocalRank(ranking, judged, k);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}

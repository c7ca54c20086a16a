package org.askthenotes.app.eval;

import java.util.List;

/**
 * Which of a golden question's key facts an answer states.
 *
 * @param total   the question's number of facts
 * @param missing the facts the answer does not state, each as its list of alternatives
 */
public record FactScore(int total, List<List<String>> missing) {

    public FactScore {
        missing = List.copyOf(missing);
        if (missing.size() > total) {
            throw new IllegalArgumentException(missing.size() + " facts missing out of " + total);
        }
    }

    /** An abstention states nothing, whatever words its message happens to use. */
    public static FactScore of(List<List<String>> facts, String answerText, boolean abstained) {
        List<List<String>> missing = abstained ? facts
                : facts.stream().filter(fact -> !FactMatcher.states(answerText, fact)).toList();
        return new FactScore(facts.size(), missing);
    }

    public int present() {
        return total - missing.size();
    }

    /** Fraction of facts stated; 1 when there are none to state. */
    public double recall() {
        return total == 0 ? 1 : (double) present() / total;
    }

    public boolean complete() {
        return missing.isEmpty();
    }

    /** "2/3 facts", for the reports. */
    public String label() {
        return present() + "/" + total + " facts";
    }
}

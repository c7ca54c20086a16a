package org.askthenotes.app.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.askthenotes.retrieval.SearchMode;

/**
 * One golden question across modes: for the per-question table of the reports.
 *
 * @param answer what the answerer did, in the report's answer mode
 */
public record QuestionResult(GoldenQuestion question, Map<SearchMode, ModeOutcome> byMode, AnswerOutcome answer) {

    /**
     * One mode's outcome.
     *
     * @param rank          1-based rank of the first relevant chunk in the top k, 0 when none was retrieved (and for
     *                      off-topic questions)
     * @param topHit        breadcrumb of the first hit, "" when nothing was retrieved
     * @param topHitRelevant whether the first hit belongs to a relevant section
     */
    public record ModeOutcome(int rank, String topHit, boolean topHitRelevant) {
    }

    public QuestionResult {
        byMode = Collections.unmodifiableMap(new EnumMap<>(byMode));
    }

    /**
     * How badly it went, for "misses first": answerable questions by the number of modes that found nothing
     * relevant in the top k (a false abstention counts as one more), then by their worst rank; off-topic questions
     * that were answered instead of abstaining rank with the worst.
     */
    public int severity() {
        if (question.offTopic()) {
            return answer.abstained() ? 0 : byMode.size() * 1000;
        }
        long misses = byMode.values().stream().filter(o -> o.rank() == 0).count() + (answer.abstained() ? 1 : 0);
        int worst = byMode.values().stream().mapToInt(ModeOutcome::rank).max().orElse(0);
        return (int) misses * 1000 + worst;
    }

    public boolean missed() {
        return severity() >= 1000;
    }
}

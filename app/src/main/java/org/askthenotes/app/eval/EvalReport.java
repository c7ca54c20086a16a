package org.askthenotes.app.eval;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.askthenotes.retrieval.SearchMode;

/**
 * The result of one eval run: scores per mode and, for the golden set, each question's outcome.
 *
 * @param dataset   "golden" or the BEIR dataset's name
 * @param model     the embedding model id
 * @param k         hits retrieved per query
 * @param queries   queries evaluated for retrieval
 * @param questions  per-question outcomes, empty for BEIR runs
 * @param answerMode the mode the answerers ran with (the last one evaluated), null when no answerer ran
 * @param answerers  each answerer graded, the gated one (whose metrics {@code modes} and {@code questions} show)
 *                   first; empty for BEIR runs
 */
public record EvalReport(String dataset, String model, int k, int queries, List<ModeResult> modes,
        List<QuestionResult> questions, SearchMode answerMode, List<AnswererResult> answerers) {

    /** Prefixes an answerer's name in {@code eval --json}: "answerer:openai" → metric → value. */
    public static final String ANSWERER_KEY_PREFIX = "answerer:";

    public EvalReport {
        modes = List.copyOf(modes);
        questions = List.copyOf(questions);
        answerers = List.copyOf(answerers);
    }

    /**
     * The answerers graded besides the gated one (LLM answerers named with {@code eval --answerer}): their metrics
     * are reported, never written to or checked against thresholds files, since an LLM's answers are not
     * reproducible.
     */
    public List<AnswererResult> otherAnswerers() {
        return answerers.size() < 2 ? List.of() : answerers.subList(1, answerers.size());
    }

    /** Mode id → metric name → value: what thresholds files key on. */
    public Map<String, Map<String, Double>> metricsByMode() {
        Map<String, Map<String, Double>> byMode = new LinkedHashMap<>();
        for (ModeResult mode : modes) {
            byMode.put(mode.mode().id(), mode.metrics());
        }
        return byMode;
    }

    /** The shape of {@code eval --json}: {@link #metricsByMode()}, then "answerer:NAME" → metric → value. */
    public Map<String, Map<String, Double>> metricsForJson() {
        Map<String, Map<String, Double>> json = metricsByMode();
        otherAnswerers().forEach(a -> json.put(ANSWERER_KEY_PREFIX + a.answerer(), a.metrics().asMap()));
        return json;
    }

    /** Metric names in first-seen order across modes. */
    public List<String> metricNames() {
        return modes.stream().flatMap(m -> m.metrics().keySet().stream()).distinct().toList();
    }

    /** Answerable questions, fewest facts stated first (an abstention states none); ties in golden-set order. */
    public List<QuestionResult> answersMissingFactsFirst() {
        return questions.stream().filter(q -> q.question().answerable())
                .sorted(Comparator.comparingDouble(q -> q.answer().facts().recall())).toList();
    }

    /** Worst first; ties in golden-set order. */
    public List<QuestionResult> questionsMissesFirst() {
        return questions.stream().sorted(Comparator.comparingInt(QuestionResult::severity).reversed()).toList();
    }
}

package org.askthenotes.app.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.askthenotes.generation.Answer;
import org.askthenotes.generation.AskRequest;
import org.askthenotes.retrieval.Filters;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.Retriever;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SearchRequest;

/**
 * Runs the golden set through each retrieval mode and through the answerer.
 *
 * <p>Relevance is judged per section, not per chunk (docs/eval/README.md): the qrels of a question hold one entry
 * per relevant section, so recall's denominator is the number of relevant sections; the best-ranked chunk of a
 * section stands for it and later chunks of the same section are dropped, neither rewarded nor penalised. Runs are
 * scored by rank, so ties keep the order the retriever returned.
 */
public final class GoldenEvaluator {

    public static final List<Metric> METRICS =
            Metric.parseAll("recall@1", "recall@3", "recall@5", "recall@10", "mrr@10", "ndcg@10");
    public static final int DEFAULT_K = 10;

    private final Retriever retriever;
    private final Map<String, Function<AskRequest, Answer>> answerers;
    private final int k;

    /**
     * @param answerers by name, each answering one request the way the app would (NotesAssistant::ask); the first
     *                  is the one whose metrics the modes report and the thresholds files hold
     */
    public GoldenEvaluator(Retriever retriever, Map<String, Function<AskRequest, Answer>> answerers, int k) {
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.answerers = new LinkedHashMap<>(answerers);
        if (answerers.isEmpty()) {
            throw new IllegalArgumentException("no answerer to evaluate");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        this.k = k;
    }

    /**
     * Evaluates retrieval in each mode, then asks each answerer every question once, with the last mode listed
     * (hybrid in the default order, as the app answers): answering is the costly part.
     */
    public EvalReport evaluate(GoldenSet golden, List<SearchMode> modes, String model) {
        return evaluate("golden", golden, modes, model);
    }

    /** As above, reported under another dataset name. */
    EvalReport evaluate(String dataset, GoldenSet golden, List<SearchMode> modes, String model) {
        List<GoldenQuestion> questions = golden.questions();
        Qrels qrels = qrels(golden.answerable());
        List<Map<SearchMode, QuestionResult.ModeOutcome>> outcomes = new ArrayList<>();
        questions.forEach(q -> outcomes.add(new EnumMap<>(SearchMode.class)));
        List<Evaluation> retrieval = new ArrayList<>();
        for (SearchMode mode : modes) {
            Map<String, List<ScoredDoc>> run = new LinkedHashMap<>();
            for (int i = 0; i < questions.size(); i++) {
                GoldenQuestion question = questions.get(i);
                // Off-topic questions are searched too: the report shows what they pulled up.
                List<Hit> hits = retriever.search(new SearchRequest(question.question(), k, mode));
                if (question.answerable()) {
                    run.put(question.id(), rankedDocs(question, hits));
                }
                outcomes.get(i).put(mode, outcome(question, hits));
            }
            retrieval.add(Evaluation.of(qrels, new Run(run), METRICS));
        }
        SearchMode answerMode = modes.get(modes.size() - 1);
        List<AnswererResult> byAnswerer = new ArrayList<>();
        answerers.forEach((name, answerer) -> {
            List<AnswerOutcome> answered = questions.stream()
                    .map(q -> AnswerOutcome.of(q, answerer.apply(askRequest(q, answerMode))))
                    .toList();
            byAnswerer.add(new AnswererResult(name, AnswerMetrics.of(questions, answered), answered));
        });
        AnswererResult gated = byAnswerer.get(0);
        List<AnswerOutcome> answers = gated.outcomes();
        List<ModeResult> results = new ArrayList<>();
        for (int m = 0; m < modes.size(); m++) {
            AnswerMetrics answerMetrics = modes.get(m) == answerMode ? gated.metrics() : null;
            results.add(new ModeResult(modes.get(m), retrieval.get(m), answerMetrics));
        }
        List<QuestionResult> perQuestion = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            perQuestion.add(new QuestionResult(questions.get(i), outcomes.get(i), answers.get(i)));
        }
        return new EvalReport(dataset, model, k, golden.answerable().size(), results, perQuestion, answerMode,
                byAnswerer);
    }

    private static AskRequest askRequest(GoldenQuestion question, SearchMode mode) {
        AskRequest defaults = AskRequest.of(question.question());
        return new AskRequest(question.question(), List.of(), defaults.k(), mode, Filters.NONE, false);
    }

    /** Qrels over section keys: "r&lt;i&gt;" is the question's i-th relevant section. */
    static Qrels qrels(List<GoldenQuestion> answerable) {
        Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
        for (GoldenQuestion question : answerable) {
            Map<String, Integer> grades = new LinkedHashMap<>();
            for (int i = 0; i < question.relevant().size(); i++) {
                grades.put(sectionKey(i), question.relevant().get(i).grade());
            }
            judgments.put(question.id(), grades);
        }
        return new Qrels(judgments);
    }

    /** Hits as a run: "r&lt;i&gt;" for a chunk of relevant section i (first one only), "hit&lt;n&gt;" for others. */
    static List<ScoredDoc> rankedDocs(GoldenQuestion question, List<Hit> hits) {
        List<String> docIds = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            int section = question.relevantIndexOf(hits.get(i).chunk());
            String docId = section >= 0 ? sectionKey(section) : "hit" + (i + 1);
            if (!docIds.contains(docId)) {
                docIds.add(docId);
            }
        }
        List<ScoredDoc> docs = new ArrayList<>();
        for (int rank = 1; rank <= docIds.size(); rank++) {
            docs.add(new ScoredDoc(docIds.get(rank - 1), 1.0 / rank));
        }
        return docs;
    }

    private static String sectionKey(int index) {
        return "r" + index;
    }

    private static QuestionResult.ModeOutcome outcome(GoldenQuestion question, List<Hit> hits) {
        int rank = 0;
        for (int i = 0; i < hits.size() && rank == 0; i++) {
            if (question.relevantIndexOf(hits.get(i).chunk()) >= 0) {
                rank = i + 1;
            }
        }
        String topHit = hits.isEmpty() ? "" : hits.get(0).chunk().breadcrumb();
        boolean topRelevant = !hits.isEmpty() && question.relevantIndexOf(hits.get(0).chunk()) >= 0;
        return new QuestionResult.ModeOutcome(rank, topHit, topRelevant);
    }
}

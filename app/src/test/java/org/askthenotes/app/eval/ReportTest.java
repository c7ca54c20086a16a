package org.askthenotes.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.askthenotes.retrieval.SearchMode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final GoldenQuestion FOUND = new GoldenQuestion("found", "What is <RAG> & why?", "en",
            List.of(new GoldenQuestion.Relevant("rag.md", List.of("RAG"), 1)), List.of(List.of("retrieval"), List.of("grounded")),
            false);
    private static final GoldenQuestion MISSED = new GoldenQuestion("missed", "什麼是溫度參數？", "zh",
            List.of(new GoldenQuestion.Relevant("llm.md", List.of("Temperature"), 1)), List.of(List.of("機率分佈"),
            List.of("隨機性", "randomness")), false);
    private static final GoldenQuestion OFF = new GoldenQuestion("off", "Best pizza in Rome?", "en", List.of(), List.of(),
            true);

    private static AnswerOutcome answer(GoldenQuestion question, String text) {
        return new AnswerOutcome(false, true, true, 1, 1, text, FactScore.of(question.facts(), text, false));
    }

    private static EvalReport report() {
        return report(false);
    }

    /** @param withLlm also an "openai" answerer that stated every fact of "found" and abstained on the others */
    private static EvalReport report(boolean withLlm) {
        Qrels qrels = new Qrels(Map.of("found", Map.of("r0", 1), "missed", Map.of("r0", 1)));
        Run bm25 = new Run(Map.of("found", List.of(new ScoredDoc("r0", 1)), "missed", List.of(new ScoredDoc("hit1", 1))));
        Run hybrid = new Run(Map.of("found", List.of(new ScoredDoc("hit1", 1), new ScoredDoc("r0", 0.5)),
                "missed", List.of(new ScoredDoc("hit1", 1))));
        AnswerOutcome found = answer(FOUND, "RAG: retrieval, then a **grounded** answer [1] | piped\n- item");
        AnswerOutcome missed = answer(MISSED, "溫度調整機率分佈 [1]。");
        AnswerOutcome abstained = new AnswerOutcome(true, false, false, 0, 0, "The notes do not cover this.",
                FactScore.of(List.of(), "", true));
        List<GoldenQuestion> questions = List.of(FOUND, MISSED, OFF);
        List<AnswerOutcome> answers = List.of(found, missed, abstained);
        List<ModeResult> modes = List.of(
                new ModeResult(SearchMode.BM25, Evaluation.of(qrels, bm25, GoldenEvaluator.METRICS), null),
                new ModeResult(SearchMode.HYBRID, Evaluation.of(qrels, hybrid, GoldenEvaluator.METRICS),
                        AnswerMetrics.of(questions, answers)));
        List<QuestionResult> rows = List.of(
                new QuestionResult(FOUND, Map.of(
                        SearchMode.BM25, new QuestionResult.ModeOutcome(1, "RAG › RAG", true),
                        SearchMode.HYBRID, new QuestionResult.ModeOutcome(2, "LLM › Tokens", false)), found),
                new QuestionResult(MISSED, Map.of(
                        SearchMode.BM25, new QuestionResult.ModeOutcome(0, "LLM › Tokens", false),
                        SearchMode.HYBRID, new QuestionResult.ModeOutcome(0, "LLM › Tokens", false)), missed),
                new QuestionResult(OFF, Map.of(
                        SearchMode.BM25, new QuestionResult.ModeOutcome(0, "RAG › RAG", false),
                        SearchMode.HYBRID, new QuestionResult.ModeOutcome(0, "RAG › RAG", false)), abstained));
        List<AnswererResult> answerers = new java.util.ArrayList<>(List.of(
                new AnswererResult("extractive", AnswerMetrics.of(questions, answers), answers)));
        if (withLlm) {
            AnswerOutcome abstainedOnMissed = new AnswerOutcome(true, false, false, 0, 0, "The notes do not cover this.",
                    FactScore.of(MISSED.facts(), "", true));
            List<AnswerOutcome> llm = List.of(answer(FOUND, "Retrieval first, then a grounded answer [1]."),
                    abstainedOnMissed, abstained);
            answerers.add(new AnswererResult("openai", AnswerMetrics.of(questions, llm), llm));
        }
        return new EvalReport("golden", "all-minilm-l6-v2", 10, 2, modes, rows, SearchMode.HYBRID, answerers);
    }

    @Test
    void htmlIsSelfContainedWithAChartBarPerModeAndMetric() {
        Document html = Jsoup.parse(HtmlReport.render(report()));
        assertTrue(html.select("script, link, img, iframe, [src]").isEmpty(), "no external resources");
        assertTrue(html.select("[href]").isEmpty(), "no links out");
        assertEquals(1, html.select("head style").size());
        Element svg = html.selectFirst("svg");
        int retrievalMetrics = GoldenEvaluator.METRICS.size();
        int answerMetrics = AnswerMetrics.NAMES.size();
        assertEquals(retrievalMetrics + answerMetrics, report().metricNames().size());
        assertEquals(2 * report().metricNames().size(), svg.select("rect:has(title)").size());
        assertEquals("hybrid mrr@10 = 0.2500", svg.select("rect > title").stream().map(Element::text)
                .filter(t -> t.startsWith("hybrid mrr@10")).findFirst().orElseThrow());
    }

    @Test
    void questionTablePutsMissesFirstAndEscapesText() {
        Document html = Jsoup.parse(HtmlReport.render(report()));
        Element table = html.select("table").get(1);
        List<String> ids = table.select("tr").stream().skip(1).map(tr -> tr.child(0).text()).toList();
        assertEquals(List.of("missed", "found", "off"), ids);
        assertTrue(table.select("tr").get(1).hasClass("miss"));
        assertEquals(List.of("missed", "什麼是溫度參數？", "llm.md › Temperature", "—", "—", "LLM › Tokens",
                "cites relevant ✓"), table.select("tr").get(1).children().eachText());
        assertEquals("What is <RAG> & why?", table.select("tr").get(2).child(1).text());
        assertEquals(List.of("n/a", "n/a", "RAG › RAG", "abstained ✓"),
                table.select("tr").get(3).children().eachText().subList(3, 7));
    }

    @Test
    void answerTableListsMissingFactsAndTheAnswerTextFewestFactsFirst() {
        Document html = Jsoup.parse(HtmlReport.render(report()));
        Element table = html.select("table").get(2);
        assertEquals(List.of("id", "question", "facts", "missing", "answer"), table.select("tr").get(0).children().eachText());
        assertEquals(3, table.select("tr").size(), "off-topic questions have no facts to list");
        Element missed = table.select("tr").get(1);
        assertEquals(List.of("missed", "什麼是溫度參數？", "1/2 facts", "隨機性 / randomness", "溫度調整機率分佈 [1]。"),
                missed.children().eachText());
        assertTrue(missed.hasClass("miss"));
        Element found = table.select("tr").get(2);
        assertEquals(List.of("found", "2/2 facts", "—"), List.of(found.child(0).text(), found.child(2).text(),
                found.child(3).text()));
        assertTrue(!found.hasClass("miss"));
        assertEquals("RAG: retrieval, then a **grounded** answer [1] | piped\n- item", found.child(4).selectFirst("pre").wholeText(),
                "the answer keeps its line breaks");
    }

    @Test
    void markdownListsAnswersWithTheirMissingFacts() {
        String markdown = TextReport.markdown(report());
        assertTrue(markdown.contains("| answer-fact-recall |  | 0.7500 |"), markdown);
        assertTrue(markdown.contains("| answer-complete |  | 0.5000 |"), markdown);
        String answers = markdown.substring(markdown.indexOf("## Answers, missing facts first"));
        assertTrue(answers.contains("| missed | 什麼是溫度參數？ | 1/2 facts | 隨機性 / randomness | 溫度調整機率分佈 [1]。 |"),
                answers);
        assertTrue(answers.contains("| found | What is <RAG> & why? | 2/2 facts | — | RAG: retrieval, then a **grounded** "
                + "answer [1] \\| piped - item |"), answers);
        assertTrue(answers.indexOf("| missed |") < answers.indexOf("| found |"), answers);
        assertTrue(!answers.contains("| off |"), answers);
    }

    @Test
    void markdownHasTheMetricsTableAndQuestionsMissesFirst() {
        String markdown = TextReport.markdown(report());
        assertTrue(markdown.contains("| mrr@10 | 0.5000 | 0.2500 |"), markdown);
        assertTrue(markdown.contains("| abstention-recall |  | 1.0000 |"), markdown);
        assertTrue(markdown.indexOf("| missed |") < markdown.indexOf("| found |"), markdown);
        assertTrue(markdown.contains("| found | What is <RAG> & why? | rag.md › RAG | 1 | 2 | LLM › Tokens |"), markdown);
    }

    @Test
    void jsonIsKeyedByModeThenMetricName() throws Exception {
        JsonNode json = new ObjectMapper().readTree(EvalCommand.toJson(report().metricsByMode()));
        assertEquals(List.of("bm25", "hybrid"), List.copyOf(iterable(json.fieldNames())));
        assertEquals(0.5, json.get("bm25").get("recall@1").asDouble());
        assertEquals(0.5, json.get("hybrid").get("recall@10").asDouble());
        assertTrue(json.get("hybrid").has("ndcg@10"));
        assertTrue(json.get("hybrid").has("citation-accuracy"));
        assertTrue(!json.get("bm25").has("citation-accuracy"), "the answerer ran in hybrid only");
    }

    @Test
    void consoleTableHasOneColumnPerMode() {
        List<String> lines = TextReport.table(report()).lines().toList();
        assertEquals(List.of("metric", "bm25", "hybrid"), List.of(lines.get(1).trim().split("\\s+")));
        assertEquals(List.of("recall@1", "0.5000", "0.0000"), List.of(lines.get(2).trim().split("\\s+")));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void reportsEachExtraAnswerersMetricsAndAnswersWithoutTouchingTheModes() throws Exception {
        EvalReport report = report(true);
        assertEquals(report(false).metricsByMode(), report.metricsByMode(), "thresholds see the gated answerer only");

        JsonNode json = new ObjectMapper().readTree(EvalCommand.toJson(report.metricsForJson()));
        assertEquals(0.5, json.get("answerer:openai").get("answer-fact-recall").asDouble(), 1e-9);
        assertEquals(0.5, json.get("answerer:openai").get("answer-complete").asDouble(), 1e-9);
        assertEquals(0.5, json.get("answerer:openai").get("abstention-precision").asDouble(), 1e-9);

        List<String> lines = TextReport.table(report).lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("metric\\s+extractive\\s+openai")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("answer-fact-recall\\s+\\S+\\s+0\\.5000")), lines.toString());

        String markdown = TextReport.markdown(report);
        assertTrue(markdown.contains("| metric | extractive | openai |"), markdown);
        String openai = markdown.substring(markdown.indexOf("## Answers by openai, missing facts first"));
        assertTrue(openai.contains("| missed | 什麼是溫度參數？ | 0/2 facts | 機率分佈; 隨機性 / randomness | (abstained) "), openai);
        assertTrue(openai.contains("| found | What is <RAG> & why? | 2/2 facts | — | Retrieval first, then a grounded answer [1]. |"),
                openai);

        Document html = Jsoup.parse(HtmlReport.render(report));
        Element byAnswerer = html.select("h2:contains(Answer metrics by answerer) ~ table").first();
        assertEquals(List.of("metric", "extractive", "openai"), byAnswerer.select("tr").first().select("th").eachText());
    }
}

package org.askthenotes.app.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.askthenotes.retrieval.SearchMode;

/** The console table and the Markdown report of an eval run. */
public final class TextReport {

    private TextReport() {
    }

    /** One line per metric, one column per mode. */
    public static String table(EvalReport report) {
        StringBuilder out = new StringBuilder(summaryLine(report)).append('\n');
        out.append(String.format(Locale.ROOT, "%-22s", "metric"));
        report.modes().forEach(m -> out.append(String.format(Locale.ROOT, " %9s", m.mode().id())));
        out.append('\n');
        Map<String, Map<String, Double>> byMode = report.metricsByMode();
        for (String metric : report.metricNames()) {
            out.append(String.format(Locale.ROOT, "%-22s", metric));
            byMode.values().forEach(values -> out.append(String.format(Locale.ROOT, " %9s", format(values.get(metric)))));
            out.append('\n');
        }
        if (!report.otherAnswerers().isEmpty()) {
            out.append('\n').append(byAnswererHeading(report)).append('\n');
            out.append(String.format(Locale.ROOT, "%-22s", "metric"));
            report.answerers().forEach(a -> out.append(String.format(Locale.ROOT, " %10s", a.answerer())));
            out.append('\n');
            for (String metric : AnswerMetrics.NAMES) {
                out.append(String.format(Locale.ROOT, "%-22s", metric));
                report.answerers().forEach(a -> out.append(String.format(Locale.ROOT, " %10s",
                        format(a.metrics().asMap().get(metric)))));
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String byAnswererHeading(EvalReport report) {
        return "answer metrics by answerer (" + report.answerMode().id() + " retrieval; thresholds hold "
                + report.answerers().get(0).answerer() + "'s only)";
    }

    public static String markdown(EvalReport report) {
        StringBuilder out = new StringBuilder("# Evaluation: ").append(report.dataset()).append("\n\n");
        out.append(summaryLine(report)).append("\n\n");
        out.append("| metric |");
        report.modes().forEach(m -> out.append(' ').append(m.mode().id()).append(" |"));
        out.append("\n|---|");
        report.modes().forEach(m -> out.append("---:|"));
        out.append('\n');
        Map<String, Map<String, Double>> byMode = report.metricsByMode();
        for (String metric : report.metricNames()) {
            out.append("| ").append(metric).append(" |");
            byMode.values().forEach(values -> out.append(' ').append(format(values.get(metric))).append(" |"));
            out.append('\n');
        }
        if (!report.otherAnswerers().isEmpty()) {
            appendAnswererTable(out, report);
        }
        if (!report.questions().isEmpty()) {
            appendQuestions(out, report);
            appendAnswers(out, report);
        }
        for (AnswererResult answerer : report.otherAnswerers()) {
            appendAnswers(out, answerer, report);
        }
        return out.toString();
    }

    private static void appendAnswererTable(StringBuilder out, EvalReport report) {
        out.append("\n## ").append(byAnswererHeading(report)).append("\n\n| metric |");
        report.answerers().forEach(a -> out.append(' ').append(a.answerer()).append(" |"));
        out.append("\n|---|");
        report.answerers().forEach(a -> out.append("---:|"));
        out.append('\n');
        for (String metric : AnswerMetrics.NAMES) {
            out.append("| ").append(metric).append(" |");
            report.answerers().forEach(a -> out.append(' ').append(format(a.metrics().asMap().get(metric))).append(" |"));
            out.append('\n');
        }
    }

    /** An extra answerer's answers, as {@link #appendAnswers(StringBuilder, EvalReport)} shows the gated one's. */
    private static void appendAnswers(StringBuilder out, AnswererResult answerer, EvalReport report) {
        out.append("\n## Answers by ").append(answerer.answerer()).append(", missing facts first\n\n");
        out.append("| id | question | facts | missing | answer |\n|---|---|---:|---|---|\n");
        List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < report.questions().size(); i++) {
            if (report.questions().get(i).question().answerable()) {
                order.add(i);
            }
        }
        order.sort(java.util.Comparator.comparingDouble(i -> answerer.outcomes().get(i).facts().recall()));
        for (int i : order) {
            GoldenQuestion q = report.questions().get(i).question();
            AnswerOutcome answer = answerer.outcomes().get(i);
            out.append("| ").append(cell(q.id())).append(" | ").append(cell(q.question())).append(" | ")
                    .append(answer.facts().label()).append(" | ").append(cell(missingFacts(answer.facts())))
                    .append(" | ").append(cell(answerText(answer))).append(" |\n");
        }
    }

    private static void appendQuestions(StringBuilder out, EvalReport report) {
        List<SearchMode> modes = report.modes().stream().map(ModeResult::mode).toList();
        SearchMode last = modes.get(modes.size() - 1);
        out.append("\n## Questions, misses first\n\n");
        out.append("Rank: of the first relevant chunk in the top ").append(report.k())
                .append(" (— none; n/a for off-topic questions). The answer column is the answerer's, asked with ")
                .append(last.id()).append(" retrieval.\n\n");
        out.append("| id | question | expected |");
        modes.forEach(m -> out.append(' ').append(m.id()).append(" |"));
        out.append(" top hit (").append(last.id()).append(") | answer (").append(last.id()).append(") |\n|---|---|---|");
        modes.forEach(m -> out.append("---:|"));
        out.append("---|---|\n");
        for (QuestionResult row : report.questionsMissesFirst()) {
            GoldenQuestion q = row.question();
            out.append("| ").append(cell(q.id())).append(" | ").append(cell(q.question())).append(" | ")
                    .append(cell(expected(q))).append(" |");
            modes.forEach(m -> out.append(' ').append(rankCell(q, row.byMode().get(m))).append(" |"));
            QuestionResult.ModeOutcome outcome = row.byMode().get(last);
            out.append(' ').append(cell(outcome.topHit())).append(outcome.topHitRelevant() ? " ✓" : "").append(" | ")
                    .append(answerCell(q, row.answer())).append(" |\n");
        }
    }

    private static void appendAnswers(StringBuilder out, EvalReport report) {
        out.append("\n## Answers, missing facts first\n\n");
        out.append("Each answerable question's key facts (docs/eval/README.md) looked up in the answer text; a fact ")
                .append("is its alternatives joined by /.\n\n");
        out.append("| id | question | facts | missing | answer |\n|---|---|---:|---|---|\n");
        for (QuestionResult row : report.answersMissingFactsFirst()) {
            GoldenQuestion q = row.question();
            out.append("| ").append(cell(q.id())).append(" | ").append(cell(q.question())).append(" | ")
                    .append(row.answer().facts().label()).append(" | ").append(cell(missingFacts(row.answer().facts())))
                    .append(" | ").append(cell(answerText(row.answer()))).append(" |\n");
        }
    }

    /** "input data; output indicator / output indicators", or "—" when none is missing. */
    static String missingFacts(FactScore facts) {
        if (facts.complete()) {
            return "—";
        }
        return String.join("; ", facts.missing().stream().map(fact -> String.join(" / ", fact)).toList());
    }

    static String answerText(AnswerOutcome answer) {
        return answer.abstained() ? "(abstained) " + answer.text() : answer.text();
    }

    static String summaryLine(EvalReport report) {
        return report.dataset() + " · model " + report.model() + " · k=" + report.k() + " · " + report.queries()
                + " judged queries" + (report.questions().isEmpty() ? ""
                : " · " + report.questions().size() + " questions (" + (report.questions().size() - report.queries())
                        + " off-topic)");
    }

    static String expected(GoldenQuestion question) {
        if (question.offTopic()) {
            return "off-topic: abstain";
        }
        return String.join("; ", question.relevant().stream().map(GoldenQuestion.Relevant::label).toList());
    }

    static String rankCell(GoldenQuestion question, QuestionResult.ModeOutcome outcome) {
        if (question.offTopic()) {
            return "n/a";
        }
        return outcome.rank() == 0 ? "—" : Integer.toString(outcome.rank());
    }

    static String answerCell(GoldenQuestion question, AnswerOutcome answer) {
        if (answer.abstained()) {
            return question.offTopic() ? "abstained ✓" : "abstained ✗";
        }
        if (question.offTopic()) {
            return "answered ✗";
        }
        return (answer.citedRelevant() ? "cites relevant ✓" : "cites other ✗") + (answer.grounded() ? "" : ", ungrounded");
    }

    static String format(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}

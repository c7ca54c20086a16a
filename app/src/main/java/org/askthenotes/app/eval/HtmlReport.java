package org.askthenotes.app.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.askthenotes.retrieval.SearchMode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A self-contained HTML report: inline CSS, an inline SVG bar chart of the metrics per mode and the per-question
 * table, misses first. No scripts, fonts or images from anywhere else, so it opens offline and can be attached.
 */
public final class HtmlReport {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#222;max-width:80rem}
            h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
            table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
            th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}
            th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
            tr.miss td{background:#fdecea}.ok{color:#2e7d32}.bad{color:#c62828}
            svg text{font-size:11px;fill:#333}td.answer{max-width:40rem}td.answer pre{white-space:pre-wrap;margin:0;font:inherit}
            """;
    private static final Map<SearchMode, String> COLORS =
            Map.of(SearchMode.BM25, "#4e79a7", SearchMode.VECTOR, "#f28e2b", SearchMode.HYBRID, "#59a14f");

    private static final int BAR = 16;
    private static final int GROUP_GAP = 24;
    private static final int PLOT_HEIGHT = 200;
    private static final int LEFT = 40;
    private static final int TOP = 30;

    private HtmlReport() {
    }

    public static String render(EvalReport report) {
        Document doc = Document.createShell("");
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.title("Evaluation: " + report.dataset());
        doc.head().appendElement("style").appendText(CSS);
        Element body = doc.body();
        body.appendElement("h1").text("Evaluation: " + report.dataset());
        body.appendElement("p").text(TextReport.summaryLine(report));
        summaryTable(body, report);
        if (!report.otherAnswerers().isEmpty()) {
            answererTable(body, report);
        }
        body.appendElement("h2").text("Metrics per mode");
        chart(body, report);
        if (!report.questions().isEmpty()) {
            questionTable(body, report);
            answerTable(body, report);
        }
        return doc.outerHtml();
    }

    private static void summaryTable(Element body, EvalReport report) {
        Element table = body.appendElement("table");
        Element head = table.appendElement("tr");
        head.appendElement("th").text("metric");
        report.modes().forEach(m -> head.appendElement("th").text(m.mode().id()));
        Map<String, Map<String, Double>> byMode = report.metricsByMode();
        for (String metric : report.metricNames()) {
            Element row = table.appendElement("tr");
            row.appendElement("td").text(metric);
            byMode.values().forEach(v -> row.appendElement("td").addClass("num").text(TextReport.format(v.get(metric))));
        }
    }

    /** Answer metrics, one column per answerer; the Markdown report lists each extra answerer's answers. */
    private static void answererTable(Element body, EvalReport report) {
        body.appendElement("h2").text("Answer metrics by answerer");
        body.appendElement("p").text(report.answerMode().id() + " retrieval; the thresholds files hold "
                + report.answerers().get(0).answerer() + "'s only.");
        Element table = body.appendElement("table");
        Element head = table.appendElement("tr");
        head.appendElement("th").text("metric");
        report.answerers().forEach(a -> head.appendElement("th").text(a.answerer()));
        for (String metric : AnswerMetrics.NAMES) {
            Element row = table.appendElement("tr");
            row.appendElement("td").text(metric);
            report.answerers().forEach(a -> row.appendElement("td").addClass("num")
                    .text(TextReport.format(a.metrics().asMap().get(metric))));
        }
    }

    /** Grouped bars: one group per metric, one bar per mode, values on a 0–1 axis. */
    private static void chart(Element body, EvalReport report) {
        List<String> metrics = report.metricNames();
        List<ModeResult> modes = report.modes();
        int groupWidth = modes.size() * BAR + GROUP_GAP;
        int width = LEFT + metrics.size() * groupWidth + 10;
        // room below the axis for the slanted metric names
        int height = TOP + PLOT_HEIGHT + 110;
        Element svg = body.appendElement("svg").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("width", Integer.toString(width)).attr("height", Integer.toString(height))
                .attr("viewBox", "0 0 " + width + " " + height).attr("role", "img")
                .attr("aria-label", "metrics per mode");
        for (int tick = 0; tick <= 4; tick++) {
            double y = TOP + PLOT_HEIGHT - tick * PLOT_HEIGHT / 4.0;
            svg.appendElement("line").attr("x1", n(LEFT)).attr("x2", n(width - 10)).attr("y1", n(y)).attr("y2", n(y))
                    .attr("stroke", tick == 0 ? "#888" : "#e0e0e0");
            svg.appendElement("text").attr("x", n(LEFT - 6)).attr("y", n(y + 4)).attr("text-anchor", "end")
                    .text(String.format(Locale.ROOT, "%.2f", tick / 4.0));
        }
        for (int g = 0; g < metrics.size(); g++) {
            String metric = metrics.get(g);
            double groupX = LEFT + GROUP_GAP / 2.0 + g * groupWidth;
            for (int m = 0; m < modes.size(); m++) {
                Double value = modes.get(m).metrics().get(metric);
                double v = value == null ? 0 : Math.max(0, Math.min(1, value));
                double barHeight = v * PLOT_HEIGHT;
                Element rect = svg.appendElement("rect").attr("x", n(groupX + m * BAR)).attr("width", n(BAR - 2))
                        .attr("y", n(TOP + PLOT_HEIGHT - barHeight)).attr("height", n(barHeight))
                        .attr("fill", COLORS.get(modes.get(m).mode()));
                rect.appendElement("title").text(modes.get(m).mode().id() + " " + metric + " = "
                        + TextReport.format(value));
            }
            double labelX = groupX + modes.size() * BAR / 2.0;
            double labelY = TOP + PLOT_HEIGHT + 14;
            svg.appendElement("text").attr("x", n(labelX)).attr("y", n(labelY)).attr("text-anchor", "end")
                    .attr("transform", "rotate(-35 " + n(labelX) + " " + n(labelY) + ")").text(metric);
        }
        for (int m = 0; m < modes.size(); m++) {
            double x = LEFT + m * 90;
            svg.appendElement("rect").attr("x", n(x)).attr("y", "8").attr("width", "12").attr("height", "12")
                    .attr("fill", COLORS.get(modes.get(m).mode()));
            svg.appendElement("text").attr("x", n(x + 16)).attr("y", "18").text(modes.get(m).mode().id());
        }
    }

    private static void questionTable(Element body, EvalReport report) {
        List<SearchMode> modes = report.modes().stream().map(ModeResult::mode).toList();
        SearchMode last = modes.get(modes.size() - 1);
        body.appendElement("h2").text("Questions, misses first");
        body.appendElement("p").text("Rank of the first relevant chunk in the top " + report.k()
                + " per mode (— none; n/a for off-topic questions). The answer column is the answerer's, asked with "
                + last.id() + " retrieval.");
        Element table = body.appendElement("table");
        Element head = table.appendElement("tr");
        for (String title : List.of("id", "question", "expected heading")) {
            head.appendElement("th").text(title);
        }
        modes.forEach(m -> head.appendElement("th").text(m.id()));
        head.appendElement("th").text("top hit (" + last.id() + ")");
        head.appendElement("th").text("answer (" + last.id() + ")");
        for (QuestionResult row : report.questionsMissesFirst()) {
            GoldenQuestion q = row.question();
            Element tr = table.appendElement("tr");
            if (row.missed()) {
                tr.addClass("miss");
            }
            tr.appendElement("td").text(q.id());
            tr.appendElement("td").attr("lang", q.language()).text(q.question());
            tr.appendElement("td").text(TextReport.expected(q));
            modes.forEach(m -> tr.appendElement("td").addClass("num").text(TextReport.rankCell(q, row.byMode().get(m))));
            QuestionResult.ModeOutcome outcome = row.byMode().get(last);
            tr.appendElement("td").addClass(outcome.topHitRelevant() ? "ok" : "bad").text(outcome.topHit());
            String answer = TextReport.answerCell(q, row.answer());
            tr.appendElement("td").addClass(answer.contains("✗") ? "bad" : "ok").text(answer);
        }
    }

    private static void answerTable(Element body, EvalReport report) {
        body.appendElement("h2").text("Answers, missing facts first");
        body.appendElement("p").text("Each answerable question's key facts (docs/eval/README.md) looked up in the "
                + "answer text; a fact is its alternatives joined by /.");
        Element table = body.appendElement("table");
        Element head = table.appendElement("tr");
        for (String title : List.of("id", "question", "facts", "missing", "answer")) {
            head.appendElement("th").text(title);
        }
        for (QuestionResult row : report.answersMissingFactsFirst()) {
            GoldenQuestion q = row.question();
            FactScore facts = row.answer().facts();
            Element tr = table.appendElement("tr");
            if (!facts.complete()) {
                tr.addClass("miss");
            }
            tr.appendElement("td").text(q.id());
            tr.appendElement("td").attr("lang", q.language()).text(q.question());
            tr.appendElement("td").addClass("num").addClass(facts.complete() ? "ok" : "bad").text(facts.label());
            tr.appendElement("td").attr("lang", q.language()).text(TextReport.missingFacts(facts));
            // a <pre> keeps the answer's line breaks (Markdown bullets) through jsoup's pretty printing
            tr.appendElement("td").addClass("answer").attr("lang", q.language()).appendElement("pre")
                    .text(TextReport.answerText(row.answer()));
        }
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

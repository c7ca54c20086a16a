package org.askthenotes.app.bench;

import java.util.Locale;

/** The ask benchmark's results as Markdown, each figure beside the query-embedding p50 of the same run. */
public record AskBenchReport(AskBench.Options options, AskBench.Result result) {

    public String markdown() {
        AskBench.Result r = result;
        double embed = r.embed().p50();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## Ask (extractive) on the bundled notes%n%n%d chunks from %s; the %d "
                        + "golden questions, asked through the app's assistant (hybrid, k = 5), each beside the "
                        + "embedding of the same question; one warm-up pass, then %d single-client passes.%n%n",
                r.chunks(), options.notes(), r.questions(), options.rounds()));
        md.append("| single client, warm (ms) | p50 | p99 | p50 ÷ embed p50 |\n|---|---:|---:|---:|\n");
        md.append(row("embed the question alone", r.embed(), embed));
        md.append(row("**ask, whole**", r.ask(), embed));
        r.stages().forEach((stage, latencies) -> md.append(row("stage: " + stage, latencies, embed)));
        double ratio = r.ask().p50() / embed;
        md.append(String.format(Locale.ROOT, "%nStages are timed in whole milliseconds by the assistant itself. "
                + "Texts the model embeds per ask: %.2f on average. Ask p50 ÷ embed p50: **%.2f×** (target ≤ 3×: %s).%n%n",
                r.textsEmbeddedPerAsk(), ratio, ratio <= 3 ? "met" : "**not met**"));
        md.append("| concurrent clients | requests | asks/s | p50 ms | p99 ms | p50 ÷ embed p50 |\n"
                + "|---:|---:|---:|---:|---:|---:|\n");
        for (AskBench.Load load : r.loads()) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.2f | %.2f | %.2f |%n", load.clients(),
                    options.requests(), load.perSecond(), load.latencies().p50(), load.latencies().p99(),
                    load.latencies().p50() / embed));
        }
        md.append('\n');
        return md.toString();
    }

    private static String row(String name, Latencies latencies, double embedP50) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", name, latencies.p50(), latencies.p99(),
                latencies.p50() / embedP50);
    }
}

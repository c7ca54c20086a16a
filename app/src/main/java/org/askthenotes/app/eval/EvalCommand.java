package org.askthenotes.app.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.askthenotes.app.cli.ProgressBar;
import org.askthenotes.app.cli.RootCommand;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.ConfigException;
import org.askthenotes.app.config.Settings;
import org.askthenotes.generation.AnswererSettings;
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.retrieval.RetrievalOptions;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.solr.SolrTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code eval}: measures retrieval and answer quality on the golden set, or retrieval on a BEIR dataset, and
 * optionally checks the numbers against the regression thresholds files.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {
            "Measures retrieval quality (Recall@k, MRR@10, nDCG@10 as trec_eval computes them) per mode.",
            "Default: the golden set over the notes, plus the extractive answerer's abstention, citation, "
                    + "grounding and key facts stated (and any --answerer's). With --beir: a BEIR dataset's test "
                    + "queries, writing TREC run files."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (and every checked metric within tolerance)", "1:a metric fell below its threshold, "
                + "or the run failed", "2:bad options"})
public final class EvalCommand implements Callable<Integer> {

    /** Tolerances written by --update-thresholds: one golden question moves a metric by about 0.02. */
    static final double GOLDEN_TOLERANCE = 0.01;
    static final double BEIR_TOLERANCE = 0.005;

    @Spec
    CommandSpec spec;

    @Option(names = "--notes", paramLabel = "DIR", defaultValue = "docs/notes",
            description = "Notes folder for the golden set (default: ${DEFAULT-VALUE}; env ATN_NOTES).")
    Path notes;

    // descriptionKey: eval's index and k are its own, not the app's settings of the same name (SettingsProvider)
    @Option(names = "--index", paramLabel = "DIR", descriptionKey = "eval-index",
            description = "Index directory, reused when its model and chunker still match "
                    + "(default: <report-dir>/index/<dataset>-<model>).")
    Path index;

    @Option(names = "--golden", paramLabel = "FILE", defaultValue = "docs/eval/golden.jsonl",
            description = "Golden set, JSON Lines (default: ${DEFAULT-VALUE}).")
    Path golden;

    @Option(names = "--crosslingual", description = {"The cross-lingual test instead: the Chinese questions of "
            + "--golden and --crosslingual-questions, then their English versions, over an English-only copy of --notes "
            + "(datasets crosslingual-zh and crosslingual-en; docs/evaluation.md)."})
    boolean crosslingual;

    @Option(names = "--crosslingual-questions", paramLabel = "FILE",
            defaultValue = "docs/eval/golden-crosslingual.jsonl",
            description = "Chinese questions and the English version of every Chinese question (default: "
                    + "${DEFAULT-VALUE}).")
    Path crosslingualQuestions;

    @Option(names = "--no-translate", description = "Search Chinese questions as written, without their CC-CEDICT "
            + "English query terms (to measure what the translation adds).")
    boolean noTranslate;

    @Option(names = "--beir", paramLabel = "DIR",
            description = "Evaluate a BEIR dataset (corpus.jsonl[.gz], queries.jsonl, qrels/test.tsv) instead.")
    Path beir;

    @Option(names = "--modes", split = ",", paramLabel = "MODE", defaultValue = "bm25,vector,hybrid",
            converter = Settings.ModeConverter.class, description = "Retrieval modes (default: ${DEFAULT-VALUE}).")
    List<SearchMode> modes;

    @Option(names = "--k", paramLabel = "N", descriptionKey = "eval-k", description = "Hits per query (default: 10 golden, 100 BEIR).")
    Integer k;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = Embedders.DEFAULT,
            description = "Embedding model (default: ${DEFAULT-VALUE}; env ATN_MODEL).")
    String model;

    @Option(names = "--answerer", split = ",", paramLabel = "NAME", descriptionKey = "eval-answerer",
            description = "Also grade this LLM answerer (openai or ollama), reached with the LLM settings of the "
                    + "environment and --config (ATN_LLM_BASE_URL, ...); its answer metrics are reported per answerer, never checked against thresholds.")
    List<String> answerers = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object: mode → metric → value (and answerer:NAME → "
            + "metric → value for each --answerer).")
    boolean json;

    @ParentCommand
    RootCommand root;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file with settings (notes, model, the LLM's), as serve reads it.")
    Path configFile;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "target/eval",
            description = "Where the Markdown and HTML reports and TREC runs go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    // eval's own too: it syncs the golden notes into its own collection, never the one ATN_SOLR_COLLECTION names
    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "lucene", descriptionKey = "eval-backend",
            description = {"lucene (default) or solr: the golden set on a SolrCloud collection beside the embedded "
                    + "index, printed side by side with their top-k overlap (docs/scale-out.md)."})
    String backend;

    @Option(names = "--solr-url", paramLabel = "URLS", descriptionKey = "eval-solr-url", description = "Solr node URLs, comma-separated (--backend solr).")
    String solrUrl;

    @Option(names = "--solr-collection", paramLabel = "NAME", defaultValue = "ask-the-notes-eval",
            descriptionKey = "eval-solr-collection",
            description = "The collection --backend solr syncs and searches (default: ask-the-notes-eval).")
    String solrCollection;

    @Option(names = "--check", description = "Compare with the thresholds files; exit 1 when a metric falls below.")
    boolean check;

    @Option(names = "--thresholds", paramLabel = "DIR", defaultValue = "docs/eval/regressions",
            description = "Thresholds files <dataset>.<mode>.<model>.properties (default: ${DEFAULT-VALUE}).")
    Path thresholds;

    @Option(names = "--update-thresholds",
            description = "Write this run's metrics as the new thresholds files (commit them with the change).")
    boolean updateThresholds;

    @Option(names = "--tolerance", paramLabel = "X",
            description = "Tolerance written by --update-thresholds (default: 0.01 golden, 0.005 BEIR).")
    Double tolerance;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(spec.commandLine().getOut(), err);
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // Bad input (a missing file, a golden section that names no chunk) is the user's to fix: say what, no trace.
            err.println("eval: " + (e instanceof NoSuchFileException ? "no such file: " : "") + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws IOException {
        if (crosslingual && beir != null) {
            throw new IllegalArgumentException("--crosslingual and --beir are two different datasets: pick one");
        }
        String dataset = crosslingual ? "crosslingual"
                : beir == null ? "golden" : beir.toAbsolutePath().normalize().getFileName().toString();
        Path indexDir = index != null ? index : reportDir.resolve("index").resolve(dataset + "-" + model);
        EvalRunner.Options options = new EvalRunner.Options(indexDir, model, modes,
                k != null ? k : beir == null ? GoldenEvaluator.DEFAULT_K : BeirEvaluator.DEFAULT_K,
                new ProgressBar(err, "embedding"), RetrievalOptions.defaults().withTranslateChinese(!noTranslate));
        if (beir != null && !answerers.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--answerer grades answers on the golden set, not --beir");
        }
        if (backend.equals("solr")) {
            return compareWithSolr(options, out);
        }
        if (!backend.equals("lucene")) {
            throw new ParameterException(spec.commandLine(), "--backend: lucene or solr, not " + backend);
        }
        List<EvalReport> reports = crosslingual
                ? EvalRunner.crosslingual(options, notes, golden, crosslingualQuestions)
                : List.of(beir == null
                        ? EvalRunner.golden(options, notes, golden, llmAnswerers())
                        : EvalRunner.beir(options, beir, reportDir.resolve("runs")));
        PrintWriter tables = json ? err : out;
        Map<String, Map<String, Map<String, Double>>> byDataset = new java.util.LinkedHashMap<>();
        for (EvalReport report : reports) {
            writeReports(report, err);
            byDataset.put(report.dataset(), report.metricsByMode());
            if (!json) {
                out.print(TextReport.table(report));
            }
        }
        if (json) {
            out.println(reports.size() == 1 ? toJson(reports.get(0).metricsForJson()) : toJson(byDataset));
        }
        if (crosslingual) {
            tables.print(CrosslingualRatio.table(reports.get(0), reports.get(1)));
        }
        boolean passed = true;
        for (EvalReport report : reports) {
            if (updateThresholds) {
                writeThresholds(report, err);
            }
            passed &= !check || checkThresholds(report, tables);
        }
        out.flush();
        return passed ? 0 : 1;
    }

    private int compareWithSolr(EvalRunner.Options options, PrintWriter out) throws IOException {
        if (crosslingual || beir != null || solrUrl == null) {
            throw new ParameterException(spec.commandLine(),
                    "--backend solr compares the golden set only, and needs --solr-url");
        }
        SolrTarget target = SolrTarget.of(solrUrl, solrCollection, 2, 2);
        BackendComparison comparison = BackendComparison.golden(options, notes, golden, target);
        out.print(comparison.table());
        out.flush();
        return comparison.passes() ? 0 : 1;
    }

    private void writeReports(EvalReport report, PrintWriter err) throws IOException {
        Files.createDirectories(reportDir);
        Path markdown = reportDir.resolve(report.dataset() + ".md");
        Path html = reportDir.resolve(report.dataset() + ".html");
        Files.writeString(markdown, TextReport.markdown(report), StandardCharsets.UTF_8);
        Files.writeString(html, HtmlReport.render(report), StandardCharsets.UTF_8);
        err.println("reports: " + markdown + ", " + html);
    }

    private void writeThresholds(EvalReport report, PrintWriter err) throws IOException {
        double written = tolerance != null ? tolerance : beir == null ? GOLDEN_TOLERANCE : BEIR_TOLERANCE;
        if (noTranslate) {
            throw new IllegalArgumentException("--update-thresholds writes the default settings' numbers: drop "
                    + "--no-translate");
        }
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        // run from the root command, the arguments start with the subcommand's own name
        if (!args.isEmpty() && args.get(0).equals("eval")) {
            args = args.subList(1, args.size());
        }
        String command = "eval " + String.join(" ", args);
        for (ModeResult mode : report.modes()) {
            Map<String, Double> rounded = new java.util.TreeMap<>();
            mode.metrics().forEach((metric, value) -> rounded.put(metric, RegressionThresholds.round(value)));
            Path file = RegressionThresholds.file(thresholds, report.dataset(), mode.mode().id(), model);
            new RegressionThresholds(file.getFileName().toString(), rounded, written).write(file,
                    "Expected metrics: " + report.dataset() + ", " + mode.mode().id() + " retrieval, " + model + ", k="
                            + report.k() + ", " + report.queries() + " judged queries.\n"
                            + "Produced by: " + command + "\n"
                            + "Update in the same commit as the change that moved them (docs/evaluation.md).");
            err.println("wrote " + file);
        }
    }

    private boolean checkThresholds(EvalReport report, PrintWriter tables) throws IOException {
        boolean passed = true;
        for (ModeResult mode : report.modes()) {
            Path file = RegressionThresholds.file(thresholds, report.dataset(), mode.mode().id(), model);
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": no thresholds file for " + report.dataset() + " " + mode.mode().id()
                        + " " + model + " (create it with --update-thresholds)");
            }
            RegressionCheck result = RegressionCheck.of(RegressionThresholds.read(file), mode.metrics());
            tables.println();
            tables.print(result.table());
            passed &= result.passed();
        }
        tables.println(passed ? "regression check: OK" : "regression check: FAIL");
        return passed;
    }

    /** Each --answerer with the LLM settings of the environment and --config (as serve and ask read them). */
    List<AnswererSettings> llmAnswerers() {
        List<AnswererSettings> settings = new ArrayList<>();
        for (String name : answerers) {
            AppConfig config;
            try {
                config = root != null ? root.config(configFile, "--answerer", name)
                        : Settings.resolve(System.getenv(), Path.of(""), configFile, "--answerer", name);
            } catch (ConfigException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, name);
            }
            settings.add(new AnswererSettings(config.answerer(), config.llmBaseUrl(), config.llmModel(),
                    config.llmApiKey(), config.llmTemperature(), config.llmTimeout()));
        }
        return settings;
    }

    static String toJson(Map<String, ?> metricsByMode) throws JsonProcessingException {
        return new ObjectMapper().writeValueAsString(metricsByMode);
    }
}

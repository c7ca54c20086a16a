package org.askthenotes.app.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.askthenotes.generation.Abstention;
import org.askthenotes.generation.Answer;
import org.askthenotes.generation.AnswerListener;
import org.askthenotes.generation.Answerer;
import org.askthenotes.generation.AnswererKind;
import org.askthenotes.generation.Answerers;
import org.askthenotes.generation.AnswererSettings;
import org.askthenotes.generation.NotesAssistant;
import org.askthenotes.generation.PromptBudget;
import org.askthenotes.generation.PromptTemplate;
import org.askthenotes.generation.AskRequest;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.RetrievalOptions;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SyncListener;

/** Builds (or reuses) an index with the real model, then runs the golden set or a BEIR dataset through it. */
public final class EvalRunner {

    /**
     * @param index    index directory; sync reuses it when the manifest (model, chunker) still matches
     * @param model    embedding model name, as {@link Embedders#create} takes it and thresholds files are named
     * @param progress told as chunks are embedded
     */
    public record Options(Path index, String model, List<SearchMode> modes, int k, SyncListener progress,
            RetrievalOptions retrieval) {
        public Options {
            Objects.requireNonNull(retrieval, "retrieval");
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(progress, "progress");
            modes = List.copyOf(modes);
            if (modes.isEmpty()) {
                throw new IllegalArgumentException("no retrieval mode to evaluate");
            }
        }

        /** With the default retrieval options. */
        public Options(Path index, String model, List<SearchMode> modes, int k, SyncListener progress) {
            this(index, model, modes, k, progress, RetrievalOptions.defaults());
        }
    }

    private EvalRunner() {
    }

    /** Indexes {@code notes}, checks the golden set names real sections, then evaluates retrieval and answers. */
    public static EvalReport golden(Options options, Path notes, Path goldenFile) throws IOException {
        return golden(options, notes, goldenFile, List.of());
    }

    /**
     * As {@link #golden(Options, Path, Path)}, grading each of {@code llmAnswerers} too, after the extractive one
     * (which stays first: its metrics are the gated ones).
     */
    public static EvalReport golden(Options options, Path notes, Path goldenFile, List<AnswererSettings> llmAnswerers)
            throws IOException {
        GoldenSet golden = GoldenSet.read(goldenFile);
        IngestResult ingest = new NotesIngestor(IngestOptions.defaults(), Embedders.tokenBudget(options.model())).ingest(notes);
        List<Chunk> chunks = ingest.notes().stream().flatMap(note -> note.chunks().stream()).toList();
        golden.requireSectionsExist(chunks);
        try (Synced synced = Synced.open(options, ingest, options.retrieval())) {
            NotesIndex index = synced.index();
            Embedder embedder = synced.embedder();
            Map<String, Function<AskRequest, Answer>> answerers = new LinkedHashMap<>();
            answerers.put(AnswererKind.EXTRACTIVE.id(),
                    assistant(index, embedder, AnswererSettings.of(AnswererKind.EXTRACTIVE.id())));
            llmAnswerers.forEach(settings -> answerers.putIfAbsent(settings.name(),
                    assistant(index, embedder, settings)));
            return new GoldenEvaluator(index, answerers, options.k()).evaluate(golden, options.modes(), options.model());
        }
    }

    /**
     * The cross-lingual test: the Chinese questions of both files, then their English versions, over an English-only
     * copy of {@code notes}; two reports, "crosslingual-zh" and "crosslingual-en".
     */
    public static List<EvalReport> crosslingual(Options options, Path notes, Path goldenFile, Path crosslingualFile)
            throws IOException {
        Crosslingual.Pairs pairs = Crosslingual.pairs(GoldenSet.read(goldenFile), GoldenSet.read(crosslingualFile));
        IngestResult ingest = Crosslingual.englishOnly(new NotesIngestor(IngestOptions.defaults(), Embedders.tokenBudget(options.model())).ingest(notes));
        List<Chunk> chunks = ingest.notes().stream().flatMap(note -> note.chunks().stream()).toList();
        pairs.chinese().requireSectionsExist(chunks);
        try (Synced synced = Synced.open(options, ingest, options.retrieval())) {
            NotesIndex index = synced.index();
            GoldenEvaluator evaluator = new GoldenEvaluator(index, Map.of(AnswererKind.EXTRACTIVE.id(),
                    assistant(index, synced.embedder(), AnswererSettings.of(AnswererKind.EXTRACTIVE.id()))), options.k());
            return List.of(
                    evaluator.evaluate(CROSSLINGUAL_ZH, pairs.chinese(), options.modes(), options.model()),
                    evaluator.evaluate(CROSSLINGUAL_EN, pairs.english(), options.modes(), options.model()));
        }
    }

    public static final String CROSSLINGUAL_ZH = "crosslingual-zh";
    public static final String CROSSLINGUAL_EN = "crosslingual-en";

    /**
     * An answerer as graded: the app's own assistant around it, with the default prompt and abstention. Sources are
     * counted, never cut to an LLM's context budget: every answerer is graded on the same sources.
     */
    private static Function<AskRequest, Answer> assistant(NotesIndex index, Embedder embedder,
            AnswererSettings settings) {
        Answerer answerer = Answerers.create(settings);
        NotesAssistant assistant = new NotesAssistant(index, embedder, answerer, PromptTemplate.defaults(),
                Abstention.DEFAULT, PromptBudget.countOnly(embedder.tokenBudget()));
        return request -> assistant.ask(request, AnswerListener.NONE);
    }

    /** Indexes the dataset's corpus (title + text, one chunk per document) and writes a TREC run per mode. */
    public static EvalReport beir(Options options, Path datasetDir, Path runDir) throws IOException {
        BeirDataset dataset = BeirDataset.read(datasetDir);
        try (Synced synced = Synced.open(options, dataset.toIngestResult(), RetrievalOptions.defaults())) {
            return new BeirEvaluator(synced.index(), options.k()).evaluate(dataset, options.modes(), options.model(), runDir);
        }
    }

    /** The model and the index, brought in line with {@code ingest}: what every evaluation opens first. */
    private record Synced(Embedder embedder, NotesIndex index) implements AutoCloseable {
        static Synced open(Options options, IngestResult ingest, RetrievalOptions retrieval) throws IOException {
            Embedder embedder = Embedders.create(options.model());
            NotesIndex index = null;
            try {
                index = NotesIndex.open(options.index(), embedder, retrieval);
                index.sync(ingest, options.progress());
                return new Synced(embedder, index);
            } catch (IOException | RuntimeException e) {
                try (embedder) {
                    if (index != null) {
                        index.close();
                    }
                }
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try (embedder) {
                index.close();
            }
        }
    }
}

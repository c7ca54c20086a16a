package org.askthenotes.app.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.askthenotes.generation.Abstention;
import org.askthenotes.generation.Answer;
import org.askthenotes.generation.AnswerListener;
import org.askthenotes.generation.Answerer;
import org.askthenotes.generation.Answerers;
import org.askthenotes.generation.AnswererSettings;
import org.askthenotes.generation.NotesAssistant;
import org.askthenotes.generation.PromptTemplate;
import org.askthenotes.generation.AskRequest;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Embedders;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SyncListener;
import org.askthenotes.retrieval.eval.BeirDataset;

/** Builds (or reuses) an index with the real model, then runs the golden set or a BEIR dataset through it. */
public final class EvalRunner {

    /**
     * @param index    index directory; sync reuses it when the manifest (model, chunker) still matches
     * @param model    embedding model name, as {@link Embedders#create} takes it and thresholds files are named
     * @param progress told as chunks are embedded
     */
    public record Options(Path index, String model, List<SearchMode> modes, int k, SyncListener progress) {
        public Options {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(progress, "progress");
            modes = List.copyOf(modes);
            if (modes.isEmpty()) {
                throw new IllegalArgumentException("no retrieval mode to evaluate");
            }
        }
    }

    private EvalRunner() {
    }

    /** Indexes {@code notes}, checks the golden set names real sections, then evaluates retrieval and answers. */
    public static EvalReport golden(Options options, Path notes, Path goldenFile) throws IOException {
        GoldenSet golden = GoldenSet.read(goldenFile);
        IngestResult ingest = new NotesIngestor(IngestOptions.defaults()).ingest(notes);
        List<Chunk> chunks = ingest.notes().stream().flatMap(note -> note.chunks().stream()).toList();
        golden.requireSectionsExist(chunks);
        Embedder embedder = Embedders.create(options.model());
        try (NotesIndex index = NotesIndex.open(options.index(), embedder)) {
            index.sync(ingest, options.progress());
            Function<AskRequest, Answer> answerer = extractiveAssistant(index, embedder);
            return new GoldenEvaluator(index, answerer, options.k()).evaluate(golden, options.modes(), options.model());
        }
    }

    /** The answerer graded: the app's own assistant with the extractive answerer (offline, no LLM). */
    private static Function<AskRequest, Answer> extractiveAssistant(NotesIndex index, Embedder embedder) {
        Answerer extractive = Answerers.create(AnswererSettings.of(AnswererSettings.EXTRACTIVE));
        NotesAssistant assistant = new NotesAssistant(index, embedder, extractive, PromptTemplate.defaults(),
                Abstention.DEFAULT);
        return request -> assistant.ask(request, AnswerListener.NONE);
    }

    /** Indexes the dataset's corpus (title + text, one chunk per document) and writes a TREC run per mode. */
    public static EvalReport beir(Options options, Path datasetDir, Path runDir) throws IOException {
        BeirDataset dataset = BeirDataset.read(datasetDir);
        try (NotesIndex index = NotesIndex.open(options.index(), Embedders.create(options.model()))) {
            index.sync(dataset.toIngestResult(), options.progress());
            return new BeirEvaluator(index, options.k()).evaluate(dataset, options.modes(), options.model(), runDir);
        }
    }
}

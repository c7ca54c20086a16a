package org.askthenotes.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.askthenotes.app.eval.GoldenQuestion;
import org.askthenotes.app.eval.GoldenSet;
import org.askthenotes.generation.Abstention;
import org.askthenotes.generation.Answer;
import org.askthenotes.generation.AnswerListener;
import org.askthenotes.generation.AnswererKind;
import org.askthenotes.generation.AnswererSettings;
import org.askthenotes.generation.Answerers;
import org.askthenotes.generation.AskRequest;
import org.askthenotes.generation.NotesAssistant;
import org.askthenotes.generation.PromptBudget;
import org.askthenotes.generation.PromptTemplate;
import org.askthenotes.ingest.IngestOptions;
import org.askthenotes.ingest.IngestResult;
import org.askthenotes.ingest.NotesIngestor;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.NotesIndex;
import org.askthenotes.retrieval.SyncListener;

/**
 * The ask benchmark on real notes: the golden set's questions asked through the app's own assistant (extractive
 * answerer, default prompt, abstention and budget), each beside the embedding of the same question, so every figure
 * can be read as a ratio against one query embedding measured in the same run.
 */
public final class AskBench {
    /** The stages {@link NotesAssistant#ask} times, in order. */
    public static final List<String> STAGES = List.of("condense", "retrieve", "prompt", "answer", "cite", "ground");

    /**
     * @param rounds      single-client passes over every question, after one warm-up pass
     * @param requests    requests per concurrency level
     * @param concurrency client counts for the throughput runs
     */
    public record Options(Path notes, Path golden, int rounds, int requests, List<Integer> concurrency, Path index) {
    }

    /** Requests per second and latency with {@code clients} asking at once. */
    public record Load(int clients, double perSecond, Latencies latencies) {
    }

    /**
     * @param embed  the question's embedding alone, single client
     * @param ask    a whole ask, single client
     * @param stages per stage, from {@link Answer#timingsMs()} (whole milliseconds)
     */
    public record Result(int chunks, int questions, Latencies embed, Latencies ask, Map<String, Latencies> stages,
                         List<Load> loads, double textsEmbeddedPerAsk) {
    }

    /** Counts the texts the model embeds, so the report can say how many embeddings one ask costs. */
    private static final class CountingEmbedder implements Embedder {
        private final Embedder model;
        private final java.util.concurrent.atomic.AtomicLong texts = new java.util.concurrent.atomic.AtomicLong();

        CountingEmbedder(Embedder model) {
            this.model = model;
        }

        @Override
        public String modelId() {
            return model.modelId();
        }

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public float[] embed(String text) {
            texts.incrementAndGet();
            return model.embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> all) {
            texts.addAndGet(all.size());
            return model.embedAll(all);
        }

        @Override
        public float[] embedQuery(String query) {
            texts.incrementAndGet();
            return model.embedQuery(query);
        }
    }

    private AskBench() {
    }

    public static Result run(Options options, Embedder model) throws IOException, InterruptedException {
        CountingEmbedder embedder = new CountingEmbedder(model);
        IngestResult ingest = new NotesIngestor(IngestOptions.defaults(), model.tokenBudget()).ingest(options.notes());
        int chunks = ingest.notes().stream().mapToInt(note -> note.chunks().size()).sum();
        List<String> questions = GoldenSet.read(options.golden()).questions().stream()
                .map(GoldenQuestion::question).toList();
        try (NotesIndex index = NotesIndex.open(options.index(), embedder)) {
            index.sync(ingest, SyncListener.NONE);
            NotesAssistant assistant = new NotesAssistant(index, embedder,
                    Answerers.create(AnswererSettings.of(AnswererKind.EXTRACTIVE.id())), PromptTemplate.defaults(),
                    Abstention.DEFAULT, PromptBudget.countOnly(embedder.tokenBudget()));
            for (String question : questions) {
                embedder.embedQuery(question);
                ask(assistant, question);
            }
            int samples = options.rounds() * questions.size();
            Latencies embed = new Latencies(samples);
            Latencies ask = new Latencies(samples);
            Map<String, Latencies> stages = new LinkedHashMap<>();
            STAGES.forEach(stage -> stages.put(stage, new Latencies(samples)));
            long embedded = 0;
            for (int round = 0; round < options.rounds(); round++) {
                for (String question : questions) {
                    long start = System.nanoTime();
                    embedder.embedQuery(question);
                    embed.add(System.nanoTime() - start);
                    long before = embedder.texts.get();
                    start = System.nanoTime();
                    Answer answer = ask(assistant, question);
                    ask.add(System.nanoTime() - start);
                    embedded += embedder.texts.get() - before;
                    STAGES.forEach(stage -> stages.get(stage)
                            .add(answer.timingsMs().getOrDefault(stage, 0L) * 1_000_000));
                }
            }
            List<Load> loads = new ArrayList<>();
            for (int clients : options.concurrency()) {
                loads.add(load(assistant, questions, clients, options.requests()));
            }
            return new Result(chunks, questions.size(), embed, ask, stages, loads, embedded / (double) samples);
        }
    }

    private static Answer ask(NotesAssistant assistant, String question) {
        return assistant.ask(AskRequest.of(question), AnswerListener.NONE);
    }

    private static Load load(NotesAssistant assistant, List<String> questions, int clients, int requests)
            throws InterruptedException {
        Latencies latencies = new Latencies(requests);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        ask(assistant, questions.get(i % questions.size()));
                        latencies.add(System.nanoTime() - begin);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Load(clients, requests / seconds, latencies);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("an ask failed under load", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}

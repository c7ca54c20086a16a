package org.askthenotes.retrieval;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates the in-process embedding models this project supports, by name. */
public final class Embedders {
    /** The default: all-MiniLM-L6-v2, 384 dimensions, ships inside its jar. */
    public static final String DEFAULT = "all-minilm-l6-v2";
    public static final String MINILM_QUANTIZED = "all-minilm-l6-v2-q";
    public static final String BGE_SMALL_QUANTIZED = "bge-small-en-v15-q";
    public static final List<String> NAMES = List.of(DEFAULT, MINILM_QUANTIZED, BGE_SMALL_QUANTIZED);

    /** bge-small-en-v1.5's model card asks for this instruction before queries (not passages) in retrieval. */
    static final String BGE_QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

    private Embedders() {
    }

    /** "all-minilm-l6-v2" (default), "all-minilm-l6-v2-q" or "bge-small-en-v15-q". */
    public static Embedder create(String name) {
        return switch (name) {
            case DEFAULT -> new OnnxEmbedder(name, new BundledOnnxModel(AllMiniLmL6V2EmbeddingModel.class,
                    "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", PoolingMode.MEAN, executor()), "");
            case MINILM_QUANTIZED -> new OnnxEmbedder(name, new BundledOnnxModel(
                    AllMiniLmL6V2QuantizedEmbeddingModel.class, "all-minilm-l6-v2-q.onnx",
                    "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, executor()), "");
            // bge-small-en-v1.5 is trained to embed with its [CLS] token, not the mean of all tokens
            case BGE_SMALL_QUANTIZED -> new OnnxEmbedder(name, new BundledOnnxModel(
                    BgeSmallEnV15QuantizedEmbeddingModel.class, "bge-small-en-v1.5-q.onnx",
                    "bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS, executor()), BGE_QUERY_PREFIX);
            default -> throw new IllegalArgumentException(
                    "unknown embedding model '" + name + "': use one of " + String.join(", ", NAMES));
        };
    }

    /**
     * LangChain4j embeds each text of an embedAll as its own task on this executor: one thread per core keeps both
     * cores busy without oversubscribing them. Daemon threads that time out, so an embedder needs no closing.
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

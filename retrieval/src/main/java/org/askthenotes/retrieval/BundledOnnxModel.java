package org.askthenotes.retrieval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * A model LangChain4j ships in a jar, loaded into an ONNX Runtime session configured here rather than with the
 * defaults. By default ONNX Runtime's worker threads spin for a while after each run; on a two-core machine the
 * spinning thread takes the core the Lucene search that follows needs, which measured as a search three times
 * slower right after an embedding than on its own.
 *
 * <p>One thread per session run: a query is a few dozen tokens, too small to share between cores (0.83 ms p50 on one
 * thread against 1.24 ms on two in the bench at 10k chunks), and it leaves the other core to the BM25 search that runs
 * beside the embedding. Passages are embedded by LangChain4j's embedAll one text per core on its own executor, where a
 * second ONNX thread per text only oversubscribed the cores (raw embedAll 268 → 288 chunks/s).
 */
final class BundledOnnxModel extends AbstractInProcessEmbeddingModel implements AutoCloseable {
    private final OnnxBertBiEncoder encoder;
    private final OrtSession session;

    /**
     * @param anchor    a class whose class loader sees the model's jar, to find its resources
     * @param model     the resource name of the .onnx file
     * @param tokenizer the resource name of the tokenizer's JSON
     */
    BundledOnnxModel(Class<?> anchor, String model, String tokenizer, PoolingMode pooling, Executor executor) {
        super(executor);
        try (InputStream modelBytes = resource(anchor, model);
             InputStream tokenizerJson = resource(anchor, tokenizer);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setIntraOpNumThreads(1);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            this.session = environment.createSession(modelBytes.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizerJson, pooling);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + model, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model " + model, e);
        }
    }

    private static InputStream resource(Class<?> anchor, String name) throws IOException {
        InputStream in = anchor.getResourceAsStream("/" + name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath (is its LangChain4j embeddings jar missing?)");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    /** Frees the session's native memory; LangChain4j's encoder has no close of its own. */
    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot close the embedding model's session", e);
        }
    }
}

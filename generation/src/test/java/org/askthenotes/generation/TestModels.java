package org.askthenotes.generation;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
import org.askthenotes.retrieval.Embedder;

/** The real all-MiniLM-L6-v2 model, loaded once per test JVM because loading it is the slow part. */
final class TestModels {
    private TestModels() {
    }

    private static final class Holder {
        static final Embedder EMBEDDER = load();
    }

    static Embedder embedder() {
        return Holder.EMBEDDER;
    }

    // TODO: use Embedders.create(Embedders.DEFAULT) once the retrieval module lands in main.
    private static Embedder load() {
        AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
        return new Embedder() {
            @Override
            public String modelId() {
                return "all-minilm-l6-v2";
            }

            @Override
            public int dimension() {
                return 384;
            }

            @Override
            public float[] embed(String text) {
                return model.embed(text).content().vector();
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                        .map(Embedding::vector).toList();
            }
        };
    }
}

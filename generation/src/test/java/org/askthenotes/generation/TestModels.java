package org.askthenotes.generation;

import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Embedders;

/** The real all-MiniLM-L6-v2 model, loaded once per test JVM because loading it is the slow part. */
final class TestModels {
    private TestModels() {
    }

    private static final class Holder {
        static final Embedder EMBEDDER = Embedders.create(Embedders.DEFAULT);
    }

    static Embedder embedder() {
        return Holder.EMBEDDER;
    }
}

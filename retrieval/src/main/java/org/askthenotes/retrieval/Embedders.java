package org.askthenotes.retrieval;

/** Creates the in-process embedding models this project supports, by name. */
public final class Embedders {
    /** The default: all-MiniLM-L6-v2, 384 dimensions, ships inside its jar. */
    public static final String DEFAULT = "all-minilm-l6-v2";

    private Embedders() {
    }

    /** "all-minilm-l6-v2" (default), "all-minilm-l6-v2-q" or "bge-small-en-v15-q". */
    public static Embedder create(String name) {
        throw new UnsupportedOperationException("not built yet (issue 3)");
    }
}

package org.askthenotes.retrieval;

import java.util.List;

/** Text to unit-length vectors with one model; the index records {@link #modelId()} and rebuilds when it changes. */
public interface Embedder {
    String modelId();

    int dimension();

    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);

    /**
     * The vector of a search query. Some models (bge) embed queries with an instruction prefix that passages must
     * not get; the others embed queries like any text.
     */
    default float[] embedQuery(String query) {
        return embed(query);
    }
}

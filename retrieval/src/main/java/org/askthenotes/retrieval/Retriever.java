package org.askthenotes.retrieval;

import java.util.List;

/** Ranked chunks for a query. Keeps Lucene out of its signature so another backend can implement it. */
public interface Retriever {
    List<Hit> search(SearchRequest request);
}

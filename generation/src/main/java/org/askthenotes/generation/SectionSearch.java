package org.askthenotes.generation;

import java.util.List;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.ingest.Language;
import org.askthenotes.retrieval.Filters;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.Retriever;
import org.askthenotes.retrieval.SearchMode;
import org.askthenotes.retrieval.SearchRequest;

/**
 * Reading a note's sections rather than ranking passages: one BM25 search of a heading path within its note, with
 * no per-section cap, finds every chunk below that heading, since each carries the path. The question's own filters
 * still hold.
 */
final class SectionSearch {
    /** More than every chunk under one section of a note in both languages, so none is missed. */
    static final int FETCHED = 50;

    private SectionSearch() {
    }

    static List<Hit> under(Retriever retriever, SearchRequest asked, String notePath, List<String> headingPath) {
        Filters filters = asked.filters();
        return retriever.search(new SearchRequest(String.join(" ", headingPath), FETCHED, SearchMode.BM25,
                new Filters(filters.tags(), filters.categories(), notePath, filters.language()), true));
    }

    static boolean speaks(Chunk chunk, Language language) {
        return chunk.passages().stream().anyMatch(passage -> passage.language() == language);
    }
}

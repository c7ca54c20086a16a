package org.askthenotes.app.view;

import java.util.List;
import org.askthenotes.ingest.Chunk;
import org.askthenotes.retrieval.Hit;

/**
 * One ranked chunk as the API shows it, with every list's rank for the retrieval debug view.
 *
 * @param rank         the 1-based position in the fused (or single) list: the n of [n] in an answer's sources
 * @param englishQuery a Chinese question's English query terms that retrieval searched, "" when none
 */
public record HitView(
        int rank,
        String chunkId,
        String notePath,
        String noteTitle,
        List<String> headingPath,
        String anchor,
        int startLine,
        int endLine,
        String text,
        double score,
        int bm25Rank,
        double bm25Score,
        int vectorRank,
        double vectorSimilarity,
        String englishQuery) {

    public static HitView of(int rank, Hit hit) {
        Chunk chunk = hit.chunk();
        return new HitView(rank, chunk.id(), chunk.notePath(), chunk.noteTitle(), chunk.headingPath(), chunk.anchor(),
                chunk.startLine(), chunk.endLine(), chunk.text(), hit.score(), hit.bm25Rank(), hit.bm25Score(),
                hit.vectorRank(), hit.vectorSimilarity(), hit.englishQuery());
    }

    public static List<HitView> of(List<Hit> hits) {
        return java.util.stream.IntStream.range(0, hits.size()).mapToObj(i -> of(i + 1, hits.get(i))).toList();
    }
}

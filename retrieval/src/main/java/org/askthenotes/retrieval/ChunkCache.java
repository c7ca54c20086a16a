package org.askthenotes.retrieval;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.askthenotes.ingest.Chunk;

/**
 * Chunks already read back from the index, by segment and document, least recently used dropped first: Solr's
 * documentCache for the embedded index. A hit's chunk is otherwise decompressed from a block of stored fields on
 * every search, about a seventh of a hybrid search at 10k chunks once the query's embedding has cleared the CPU
 * caches (docs/benchmarks.md), while a chat or a batch of questions keeps landing on the same sections. Segments never
 * change, so an entry is right for as long as its segment lives; a closed segment's entries are dropped.
 */
final class ChunkCache {
    /** A chunk holds at most one embedding window of text, a few KB with its metadata: 4096 are 10 to 15 MB at most. */
    static final int DEFAULT_CAPACITY = 4096;

    private record Key(IndexReader.CacheKey segment, int doc) {
    }

    interface Loader {
        Chunk load() throws IOException;
    }

    private final Map<Key, Chunk> chunks;
    private final Set<IndexReader.CacheKey> watched = ConcurrentHashMap.newKeySet();

    ChunkCache(int capacity) {
        this.chunks = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Chunk> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The chunk of {@code leafDoc} in {@code leaf}, loaded once per segment while it stays among the recent ones. */
    Chunk get(LeafReaderContext leaf, int leafDoc, Loader loader) throws IOException {
        IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
        if (helper == null) {
            return loader.load();
        }
        Key key = new Key(helper.getKey(), leafDoc);
        synchronized (chunks) {
            Chunk cached = chunks.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Chunk chunk = loader.load();
        if (watched.add(key.segment())) {
            helper.addClosedListener(this::forget);
        }
        synchronized (chunks) {
            chunks.put(key, chunk);
        }
        return chunk;
    }

    int size() {
        synchronized (chunks) {
            return chunks.size();
        }
    }

    private void forget(IndexReader.CacheKey segment) {
        synchronized (chunks) {
            chunks.keySet().removeIf(key -> key.segment() == segment);
        }
        watched.remove(segment);
    }
}

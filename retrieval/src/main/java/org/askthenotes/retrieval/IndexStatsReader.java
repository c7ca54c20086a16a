package org.askthenotes.retrieval;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/** Counts and filter values of one point-in-time view of the index. */
final class IndexStatsReader {
    private final Directory directory;

    IndexStatsReader(Directory directory) {
        this.directory = directory;
    }

    IndexStats read(IndexSearcher searcher, String modelId, int dimension, Instant lastSync) throws IOException {
        return new IndexStats(
                count(searcher, IndexFields.KIND, IndexFields.KIND_NOTE),
                count(searcher, IndexFields.KIND, IndexFields.KIND_CHUNK),
                modelId,
                dimension,
                sizeOnDisk(),
                lastSync,
                values(searcher, IndexFields.TAG),
                values(searcher, IndexFields.CATEGORY));
    }

    private static int count(IndexSearcher searcher, String field, String value) throws IOException {
        return searcher.count(new TermQuery(new Term(field, value)));
    }

    /** The terms dictionary keeps terms of deleted documents until a merge, so each value is checked to be live. */
    private static SortedSet<String> values(IndexSearcher searcher, String field) throws IOException {
        SortedSet<String> values = new TreeSet<>();
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
        if (terms == null) {
            return values;
        }
        TermsEnum termsEnum = terms.iterator();
        for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
            String value = term.utf8ToString();
            if (count(searcher, field, value) > 0) {
                values.add(value);
            }
        }
        return values;
    }

    private long sizeOnDisk() throws IOException {
        long size = 0;
        for (String file : directory.listAll()) {
            try {
                size += directory.fileLength(file);
            } catch (NoSuchFileException | FileNotFoundException e) {
                // a merge deleted it between listing and measuring: it no longer takes space
            }
        }
        return size;
    }
}

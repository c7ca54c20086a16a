package org.askthenotes.solr;

import java.time.Instant;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.askthenotes.retrieval.IndexFields;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.IndexManifest;

/**
 * What the collection's vectors and chunks were made with, kept in one document of its own (the embedded index
 * keeps the same in its commit data): when any of it differs, the next sync rebuilds the collection.
 *
 * @param made       the model and chunker, as the embedded index records them
 * @param rebuilding why a rebuild started, on every commit of that rebuild but its last; "" otherwise
 * @param lastSync   null before the first sync
 */
record SolrManifest(IndexManifest made, String format, String rebuilding, Instant lastSync) {
    /** Bumped when this module changes the documents' layout or the configset in a way that needs a rebuild. */
    static final String FORMAT_VERSION = "1";
    static final String DOC_ID = "atn!manifest";
    static final String KIND_MANIFEST = "manifest";

    static SolrManifest of(Embedder embedder) {
        return new SolrManifest(IndexManifest.of(embedder), FORMAT_VERSION, "", null);
    }

    /** Null for a collection never synced. */
    static SolrManifest from(SolrDocument document) {
        if (document == null) {
            return null;
        }
        String lastSync = (String) document.getFirstValue("lastSync_s");
        return new SolrManifest(new IndexManifest((String) document.getFirstValue("model_s"),
                Integer.parseInt((String) document.getFirstValue("dimension_s")),
                (String) document.getFirstValue("chunker_s")), (String) document.getFirstValue("format_s"),
                (String) document.getFirstValue("rebuilding_s"), lastSync == null ? null : Instant.parse(lastSync));
    }

    SolrInputDocument toDocument(Instant syncedAt, String rebuildingNow) {
        SolrInputDocument document = new SolrInputDocument();
        document.addField(SolrDocuments.DOC_ID, DOC_ID);
        document.addField(IndexFields.KIND, KIND_MANIFEST);
        document.addField("model_s", made.modelId());
        document.addField("dimension_s", Integer.toString(made.dimension()));
        document.addField("chunker_s", made.chunkerVersion());
        document.addField("format_s", format);
        document.addField("rebuilding_s", rebuildingNow);
        document.addField("lastSync_s", syncedAt.toString());
        return document;
    }

    /** Why a collection built as {@code indexed} must be rebuilt for this manifest; "" when it need not. */
    String rebuildReason(SolrManifest indexed) {
        if (indexed == null) {
            return "";
        }
        String reason = made.rebuildReason(indexed.made);
        if (!reason.isEmpty()) {
            return reason;
        }
        if (!indexed.format.equals(format)) {
            return "collection format changed from " + indexed.format + " to " + format;
        }
        return "";
    }
}

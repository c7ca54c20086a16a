package org.askthenotes.solr;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where the notes collection lives and how it is laid out when the app creates it.
 *
 * @param solrUrls   base URLs of one or more nodes ({@code http://host:8983/solr}); the client reads the cluster's
 *                   state from whichever answers, so listing two survives either being down
 * @param collection the collection's name; its configset is {@code <collection>-config}
 * @param shards     shards of a new collection (an existing one keeps its own)
 * @param replicas   replicas of each shard of a new collection; 2 or more survive a node's loss
 */
public record SolrTarget(List<String> solrUrls, String collection, int shards, int replicas) {
    public static final String DEFAULT_COLLECTION = "ask-the-notes";

    public SolrTarget {
        solrUrls = List.copyOf(solrUrls);
        Objects.requireNonNull(collection, "collection");
        if (solrUrls.isEmpty()) {
            throw new IllegalArgumentException("solr-url: give at least one Solr node URL, e.g. http://localhost:8983/solr");
        }
        for (String url : solrUrls) {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("solr-url: '" + url + "' is not an http(s) URL of a Solr node");
            }
        }
        if (!collection.matches("[A-Za-z0-9_.\\-]+")) {
            throw new IllegalArgumentException("solr-collection: '" + collection
                    + "' is not a collection name (letters, digits, '.', '_', '-')");
        }
        if (shards < 1 || replicas < 1) {
            throw new IllegalArgumentException("shards and replicas must be at least 1: " + shards + " x " + replicas);
        }
    }

    /** @param urls comma-separated node URLs, as the --solr-url option takes them */
    public static SolrTarget of(String urls, String collection, int shards, int replicas) {
        List<String> list = Arrays.stream(urls.split(",")).map(String::strip).filter(url -> !url.isEmpty())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).toList();
        return new SolrTarget(list, collection, shards, replicas);
    }

    public String configset() {
        return collection + "-config";
    }
}

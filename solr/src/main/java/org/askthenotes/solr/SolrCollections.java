package org.askthenotes.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;
import org.askthenotes.retrieval.RetrievalOptions;

/**
 * Creates the notes collection when it is missing: uploads the configset (schema.xml, solrconfig.xml and the CJK
 * analyzer's stop words, zipped, through the Configsets API) and creates the collection on it, waiting until every
 * replica is active. An existing collection is used as it is.
 */
final class SolrCollections {
    private static final String RESOURCES = "configset/";

    private SolrCollections() {
    }

    /** @return true when it created the collection */
    static boolean ensure(SolrClient client, SolrTarget target, int dimension, RetrievalOptions options)
            throws IOException {
        try {
            if (CollectionAdminRequest.listCollections(client).contains(target.collection())) {
                return false;
            }
            List<String> configsets = new ConfigSetAdminRequest.List().process(client).getConfigSets();
            if (!configsets.contains(target.configset())) {
                ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload();
                upload.setConfigSetName(target.configset());
                upload.setUploadStream(new ContentStreamBase.ByteArrayStream(configset(dimension, options),
                        target.configset() + ".zip", "application/zip"));
                upload.process(client);
            }
            CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(target.collection(),
                    target.configset(), target.shards(), target.replicas());
            create.setWaitForFinalState(true);
            create.process(client);
            return true;
        } catch (SolrServerException e) {
            throw new IOException("creating Solr collection " + target.collection() + " at " + target.solrUrls()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The configset as a zip: this module's schema with the model's dimension and the BM25 parameters filled in. */
    static byte[] configset(int dimension, RetrievalOptions options) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String schema = resource("schema.xml")
                .replace("@DIMENSION@", Integer.toString(dimension))
                .replace("@BM25_K1@", Float.toString(options.bm25K1()))
                .replace("@BM25_B@", Float.toString(options.bm25B()));
        files.put("schema.xml", schema.getBytes(StandardCharsets.UTF_8));
        files.put("solrconfig.xml", resource("solrconfig.xml").getBytes(StandardCharsets.UTF_8));
        // the stop words Lucene's CJKAnalyzer uses, from Lucene itself (the same jar Solr 9.10 ships)
        try (InputStream in = CJKAnalyzer.class.getResourceAsStream("stopwords.txt")) {
            files.put("stopwords_cjk.txt", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String resource(String name) {
        try (InputStream in = SolrCollections.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("configset file missing from the solr module: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

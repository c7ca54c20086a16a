package org.askthenotes.app.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.ConfigResolver;
import picocli.CommandLine.Option;

/** Where the notes and the index are: the flags of every command; unset flags fall through to env, file, defaults. */
public class FolderOptions {
    @Option(names = "--notes", paramLabel = "DIR", description = "Notes folder (default: docs/notes; env ATN_NOTES).")
    String notes;

    @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: .index; env ATN_INDEX).")
    String index;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with any of the settings.")
    Path configFile;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "lucene (default: the embedded index in --index) or solr (env ATN_BACKEND).")
    String backend;

    @Option(names = "--solr-url", paramLabel = "URLS",
            description = "Solr node URLs, comma-separated, for --backend solr (env ATN_SOLR_URL).")
    String solrUrl;

    @Option(names = "--solr-collection", paramLabel = "NAME",
            description = "The Solr collection, created when missing (default: ask-the-notes; env ATN_SOLR_COLLECTION).")
    String solrCollection;

    /** The settings for a command, with its own flags (port, host, ...) given as extra keys. */
    public AppConfig resolve(ConfigResolver resolver, Map<String, String> extraFlags) {
        Map<String, String> flags = new HashMap<>(extraFlags);
        put(flags, ConfigResolver.NOTES, notes);
        put(flags, ConfigResolver.INDEX, index);
        put(flags, ConfigResolver.BACKEND, backend);
        put(flags, ConfigResolver.SOLR_URL, solrUrl);
        put(flags, ConfigResolver.SOLR_COLLECTION, solrCollection);
        addFlags(flags);
        return resolver.resolve(flags, configFile);
    }

    public AppConfig resolve(ConfigResolver resolver) {
        return resolve(resolver, Map.of());
    }

    /** For subclasses with more flags. */
    void addFlags(Map<String, String> flags) {
    }

    static void put(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}

package org.askthenotes.app.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.ConfigResolver;
import picocli.CommandLine.Option;

/** The flags every command shares; unset flags fall through to the environment, the config file and defaults. */
public final class SharedOptions {
    @Option(names = "--notes", paramLabel = "DIR", description = "Notes folder (default: docs/notes; env ATN_NOTES).")
    String notes;

    @Option(names = "--index", paramLabel = "DIR", description = "Index folder (default: .index; env ATN_INDEX).")
    String index;

    @Option(names = "--answerer", paramLabel = "NAME",
            description = "extractive (default, no LLM), openai or ollama (env ATN_ANSWERER).")
    String answerer;

    @Option(names = "--mode", paramLabel = "MODE", description = "bm25, vector or hybrid (default; env ATN_MODE).")
    String mode;

    @Option(names = "--k", paramLabel = "N", description = "Sources per answer, 1..20 (default 5; env ATN_K).")
    String k;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with any of the settings.")
    Path configFile;

    /** The settings for a command, with its own flags (port, host, ...) given as extra keys. */
    public AppConfig resolve(ConfigResolver resolver, Map<String, String> extraFlags) {
        Map<String, String> flags = new HashMap<>(extraFlags);
        put(flags, ConfigResolver.NOTES, notes);
        put(flags, ConfigResolver.INDEX, index);
        put(flags, ConfigResolver.ANSWERER, answerer);
        put(flags, ConfigResolver.MODE, mode);
        put(flags, ConfigResolver.K, k);
        return resolver.resolve(flags, configFile);
    }

    public AppConfig resolve(ConfigResolver resolver) {
        return resolve(resolver, Map.of());
    }

    private static void put(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}

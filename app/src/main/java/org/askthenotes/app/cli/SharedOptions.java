package org.askthenotes.app.cli;

import java.util.Map;
import org.askthenotes.app.config.ConfigResolver;
import picocli.CommandLine.Option;

/** The flags of the commands that answer (serve, ask, batch): the folders plus how to retrieve and answer. */
public final class SharedOptions extends FolderOptions {
    @Option(names = "--answerer", paramLabel = "NAME",
            description = "extractive (default, no LLM), openai or ollama (env ATN_ANSWERER).")
    String answerer;

    @Option(names = "--mode", paramLabel = "MODE", description = "bm25, vector or hybrid (default; env ATN_MODE).")
    String mode;

    @Option(names = "--k", paramLabel = "N", description = "Sources per answer, 1..20 (default 5; env ATN_K).")
    String k;

    @Override
    void addFlags(Map<String, String> flags) {
        put(flags, ConfigResolver.ANSWERER, answerer);
        put(flags, ConfigResolver.MODE, mode);
        put(flags, ConfigResolver.K, k);
    }
}

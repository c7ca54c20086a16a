package org.askthenotes.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.askthenotes.app.NotesServer;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.ConfigResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the web chat and JSON API; keeps the index in sync with the notes folder.")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    SharedOptions shared;

    @Option(names = "--port", paramLabel = "N", description = "Port (default 7070; env ATN_PORT; 0 picks a free one).")
    String port;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Interface to listen on (default 127.0.0.1, loopback only; env ATN_HOST). Any other"
                    + " needs a token or --insecure.")
    String host;

    @Option(names = "--allowed-hosts", paramLabel = "NAMES", description = "Comma-separated host names browsers"
            + " may use to reach the server besides loopback and --host (DNS-rebinding guard; env ATN_ALLOWED_HOSTS).")
    String allowedHosts;

    @Option(names = "--insecure", description = "Serve off loopback without a token (prints a warning; env"
            + " ATN_INSECURE). Without it, a non-loopback --host needs a token (ATN_REINDEX_TOKEN).")
    boolean insecure;

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = new java.util.HashMap<>();
        if (port != null) {
            flags.put(ConfigResolver.PORT, port);
        }
        if (host != null) {
            flags.put(ConfigResolver.HOST, host);
        }
        if (allowedHosts != null) {
            flags.put(ConfigResolver.ALLOWED_HOSTS, allowedHosts);
        }
        if (insecure) {
            flags.put(ConfigResolver.INSECURE, "true");
        }
        AppConfig config = shared.resolve(root.resolver(), flags);
        LOG.info("Starting with {}", config);
        NotesServer server = NotesServer.start(config, new LoggingProgress());
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl+C: the JVM runs this hook and exits once it returns, so the hook itself closes the index cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                LOG.error("Closing the index failed: {}", e.getMessage());
            }
            stopped.countDown();
        }, "shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Ask the notes: http://%s:%d/  (notes: %s; Ctrl+C stops)%n",
                config.host().contains(":") ? "[" + config.host() + "]" : config.host(), server.port(), config.notes());
        out.flush();
        stopped.await();
        return RootCommand.EXIT_OK;
    }

    /** Logs embedding progress in tenths rather than per chunk. */
    private static final class LoggingProgress implements org.askthenotes.retrieval.SyncListener {
        private int lastTenth = -1;

        @Override
        public void onEmbedded(int done, int total) {
            int tenth = total == 0 ? 10 : 10 * done / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                LOG.info("Embedding chunks: {}/{}", done, total);
            }
        }
    }
}

package org.askthenotes.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.askthenotes.app.NotesServer;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.app.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
    Settings settings;

    @Override
    public Integer call() throws Exception {
        AppConfig config = root.config(settings);
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

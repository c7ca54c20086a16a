package org.askthenotes.solrcluster;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The test side of {@link SolrTestCluster}: starts it as a child JVM on the classpath this module wrote to
 * target/classpath.txt, reads its node URLs and stops or starts its nodes. Solr 9 brings Jetty 10 and the app
 * Jetty 12, so they never share a JVM: a test module depends on this one without its dependencies (an exclusion of
 * all of them) and loads only this class. The child exits when this JVM closes its stdin, even when this JVM dies.
 */
public final class SolrTestClusterProcess implements AutoCloseable {
    private static final long START_SECONDS = 180;

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final List<String> nodeUrls = new ArrayList<>();

    private static SolrTestClusterProcess shared;

    /**
     * One cluster for every test class of this JVM, started on first use (about 10 s) and stopped when the JVM
     * exits; each class uses collections of its own.
     */
    public static synchronized SolrTestClusterProcess shared() throws IOException, InterruptedException {
        if (shared == null) {
            Path base = Files.createTempDirectory("atn-solr-cluster");
            shared = start(2, base);
            SolrTestClusterProcess cluster = shared;
            // stopped, then its nodes' data (~100 MB a run) removed, when the test JVM exits
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                cluster.close();
                deleteTree(base);
            }, "solr-test-cluster-stop"));
        }
        return shared;
    }

    private SolrTestClusterProcess(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    public static SolrTestClusterProcess start(int nodes, Path baseDir) throws IOException, InterruptedException {
        // this module's classes (target/classes, or its jar in target/ once packaged) sit beside the classpath file
        Path classes = codeSource();
        Path classpathFile = classes.toAbsolutePath().getParent().resolve("classpath.txt");
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("no test cluster classpath at " + classpathFile
                    + ": build through the reactor (mvn -pl solr -am test), which builds solr-test-cluster first");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = classes + File.pathSeparator + Files.readString(classpathFile).strip();
        Path log = Files.createDirectories(baseDir).resolve("cluster.log");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-cp", classpath,
                "org.askthenotes.solrcluster.SolrTestCluster", Integer.toString(nodes),
                baseDir.resolve("nodes").toString())
                .redirectError(log.toFile());
        SolrTestClusterProcess cluster = new SolrTestClusterProcess(builder.start());
        cluster.readReplies(log);
        cluster.awaitReady(nodes);
        return cluster;
    }

    /** Protocol lines go to the reply queue; Solr's own log lines to the log file. */
    private void readReplies(Path log) {
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 Writer logWriter = Files.newBufferedWriter(log.resolveSibling("cluster-stdout.log"))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("NODE ") || line.equals("READY") || line.startsWith("OK ")
                            || line.startsWith("ERROR ")) {
                        replies.add(line);
                    } else {
                        logWriter.write(line + "\n");
                    }
                }
            } catch (IOException e) {
                replies.add("ERROR cluster output: " + e);
            }
            replies.add("ERROR the cluster process ended");
        }, "solr-test-cluster-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void awaitReady(int nodes) throws InterruptedException {
        while (true) {
            String line = replies.poll(START_SECONDS, TimeUnit.SECONDS);
            if (line == null || line.startsWith("ERROR")) {
                close();
                throw new IllegalStateException("the Solr test cluster did not start: " + line);
            }
            if (line.startsWith("NODE ")) {
                nodeUrls.add(line.split(" ")[2]);
            }
            if (line.equals("READY") && nodeUrls.size() == nodes) {
                return;
            }
        }
    }

    public List<String> nodeUrls() {
        return List.copyOf(nodeUrls);
    }

    public void stopNode(int index) throws IOException, InterruptedException {
        command("stop " + index);
    }

    public void startNode(int index) throws IOException, InterruptedException {
        command("start " + index);
    }

    private synchronized void command(String command) throws IOException, InterruptedException {
        commands.write(command + "\n");
        commands.flush();
        String reply = replies.poll(START_SECONDS, TimeUnit.SECONDS);
        if (reply == null || !reply.startsWith("OK ")) {
            throw new IllegalStateException("test cluster: " + command + " failed: " + reply);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is not worth failing a test run for
        }
    }

    private static Path codeSource() {
        try {
            return Path.of(SolrTestClusterProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the solr-test-cluster classes", e);
        }
    }

    @Override
    public void close() {
        try {
            commands.write("quit\n");
            commands.close();
        } catch (IOException e) {
            // the child is gone already
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

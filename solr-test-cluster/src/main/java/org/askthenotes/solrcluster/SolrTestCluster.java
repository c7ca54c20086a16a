package org.askthenotes.solrcluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A real SolrCloud for the solr module's tests, in a JVM of its own: {@code nodes} Solr 9 nodes and an embedded
 * ZooKeeper, from solr-test-framework's MiniSolrCloudCluster. It prints one {@code NODE <index> <url>} line per node
 * and {@code READY}, then reads commands on stdin, answering each with {@code OK ...} or {@code ERROR ...}:
 * {@code stop <index>} stops a node, {@code start <index>} starts it again on its port, {@code quit} shuts down.
 * It also shuts down when stdin ends, so it never outlives the test JVM that started it.
 *
 * <p>Usage: {@code SolrTestCluster <nodes> <base dir>}
 */
public final class SolrTestCluster {
    private SolrTestCluster() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = Integer.parseInt(args[0]);
        Path base = Files.createDirectories(Path.of(args[1]));
        // the test framework's defaults would otherwise refuse a data dir outside its own and configsets over HTTP
        System.setProperty("solr.allowPaths", "*");
        System.setProperty("solr.configset.upload.enabled", "true");
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, base).build();
        cluster.waitForAllNodes(60);
        // the cluster drops a stopped node from its list: keep our own, so an index always means the same node
        List<JettySolrRunner> runners = List.copyOf(cluster.getJettySolrRunners());
        for (int i = 0; i < nodes; i++) {
            System.out.println("NODE " + i + " " + runners.get(i).getBaseUrl());
        }
        System.out.println("READY");
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && !line.strip().equals("quit"); line = in.readLine()) {
                System.out.println(run(cluster, runners, line.strip()));
                System.out.flush();
            }
        } finally {
            cluster.shutdown();
        }
        // Solr leaves non-daemon threads behind
        System.exit(0);
    }

    private static String run(MiniSolrCloudCluster cluster, List<JettySolrRunner> runners, String command) {
        String[] words = command.split("\\s+");
        try {
            int index = Integer.parseInt(words[1]);
            JettySolrRunner jetty = runners.get(index);
            switch (words[0]) {
                case "stop" -> cluster.stopJettySolrRunner(jetty);
                case "start" -> {
                    cluster.startJettySolrRunner(jetty, true);
                    cluster.waitForNode(jetty, 60);
                }
                default -> {
                    return "ERROR unknown command: " + command;
                }
            }
            return "OK " + command + " " + jetty.getBaseUrl();
        } catch (Exception e) {
            return "ERROR " + command + ": " + e;
        }
    }

}

package org.askthenotes.app.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The expected metrics of one dataset × mode × model, kept as data like Anserini's regression files: a properties
 * file {@code <dataset>.<mode>.<model>.properties} with {@code tolerance} and one {@code <metric>=<value>} line per
 * metric, values to 4 decimals.
 *
 * @param name      the file name without extension, e.g. {@code scifact.hybrid.all-minilm-l6-v2}
 * @param expected  metric name → expected value
 * @param tolerance how far below the expected value a metric may fall before the check fails
 */
public record RegressionThresholds(String name, Map<String, Double> expected, double tolerance) {

    public static final String TOLERANCE_KEY = "tolerance";
    private static final String EXTENSION = ".properties";

    public RegressionThresholds {
        Objects.requireNonNull(name, "name");
        expected = Collections.unmodifiableMap(new TreeMap<>(expected));
        if (expected.isEmpty()) {
            throw new IllegalArgumentException("thresholds '" + name + "' name no metric");
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance of '" + name + "' must be a number ≥ 0: " + tolerance);
        }
    }

    /** {@code dir/<dataset>.<mode>.<model>.properties}. */
    public static Path file(Path dir, String dataset, String mode, String model) {
        return dir.resolve(dataset + "." + mode + "." + model + EXTENSION);
    }

    public static RegressionThresholds read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String toleranceText = properties.getProperty(TOLERANCE_KEY);
        if (toleranceText == null) {
            throw new IOException(file + ": missing '" + TOLERANCE_KEY + "'");
        }
        Map<String, Double> expected = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.equals(TOLERANCE_KEY)) {
                expected.put(key, parse(file, key, properties.getProperty(key)));
            }
        }
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(EXTENSION) ? fileName.substring(0, fileName.length() - EXTENSION.length())
                : fileName;
        try {
            return new RegressionThresholds(name, expected, parse(file, TOLERANCE_KEY, toleranceText));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static double parse(Path file, String key, String value) throws IOException {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IOException(file + ": '" + key + "' is not a number: '" + value + "'");
        }
    }

    /** Writes the file with a comment header (e.g. the command that produced the numbers), metrics sorted. */
    public void write(Path file, String comment) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : comment.split("\n")) {
            text.append("# ").append(line).append('\n');
        }
        text.append(TOLERANCE_KEY).append('=').append(format(tolerance)).append('\n');
        expected.forEach((metric, value) -> text.append(metric).append('=').append(format(value)).append('\n'));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Expected values are kept to 4 decimals, as Anserini's regressions keep them. */
    public static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** Rounds to the 4 decimals a thresholds file holds. */
    public static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

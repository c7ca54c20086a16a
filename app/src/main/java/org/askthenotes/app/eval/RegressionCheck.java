package org.askthenotes.app.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Actual metrics compared with a thresholds file. A metric fails when, rounded to the file's 4 decimals, it falls
 * below expected − tolerance, or when it was not measured at all. Metrics the file does not name are not checked.
 */
public record RegressionCheck(RegressionThresholds thresholds, List<Row> rows) {

    /** One line of the table; {@code actual} is NaN when the metric was not measured. */
    public record Row(String metric, double expected, double actual, boolean ok) {
        public double delta() {
            return actual - expected;
        }

        /** Above expected + tolerance: the thresholds file should move up with the change that did it. */
        boolean improvedBeyond(double tolerance) {
            return RegressionThresholds.round(actual) > expected + tolerance;
        }
    }

    public RegressionCheck {
        rows = List.copyOf(rows);
    }

    public static RegressionCheck of(RegressionThresholds thresholds, Map<String, Double> actual) {
        List<Row> rows = new ArrayList<>();
        thresholds.expected().forEach((metric, expected) -> {
            Double value = actual.get(metric);
            double measured = value == null ? Double.NaN : value;
            // Compare what the file can hold: an actual of 0.94996 written back would read 0.9500.
            boolean ok = value != null && RegressionThresholds.round(measured) >= expected - thresholds.tolerance() - 1e-9;
            rows.add(new Row(metric, expected, measured, ok));
        });
        return new RegressionCheck(thresholds, rows);
    }

    public boolean passed() {
        return rows.stream().allMatch(Row::ok);
    }

    public List<Row> failures() {
        return rows.stream().filter(row -> !row.ok()).toList();
    }

    public List<Row> improvements() {
        return rows.stream().filter(row -> row.ok() && row.improvedBeyond(thresholds.tolerance())).toList();
    }

    /** A plain-text table: metric, expected, actual, delta, OK/FAIL; then a line naming improvements to record. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(thresholds.name()).append(" (tolerance ").append(RegressionThresholds.format(thresholds.tolerance()))
                .append(")\n");
        out.append(String.format(Locale.ROOT, "%-22s %9s %9s %9s  %s%n", "metric", "expected", "actual", "delta",
                "status"));
        for (Row row : rows) {
            boolean measured = !Double.isNaN(row.actual());
            out.append(String.format(Locale.ROOT, "%-22s %9.4f %9s %9s  %s%n", row.metric(), row.expected(),
                    measured ? String.format(Locale.ROOT, "%.4f", row.actual()) : "missing",
                    // rounded first (and + 0.0 turns -0.0 into 0.0) so a tiny negative delta doesn't print "-0.0000"
                    measured ? String.format(Locale.ROOT, "%+.4f", RegressionThresholds.round(row.delta()) + 0.0) : "",
                    row.ok() ? "OK" : "FAIL"));
        }
        if (!improvements().isEmpty()) {
            out.append("improved beyond tolerance: ")
                    .append(String.join(", ", improvements().stream().map(Row::metric).toList()))
                    .append(" — update ").append(thresholds.name()).append(".properties in the same commit\n");
        }
        return out.toString();
    }

    /** Throws with the table when any metric failed, for tests and CI gates. */
    public void requirePassed() {
        if (!passed()) {
            throw new RegressionFailure(failures().size() + " metric(s) below threshold\n" + table());
        }
    }

    /** A metric fell below its threshold. */
    public static final class RegressionFailure extends RuntimeException {
        public RegressionFailure(String message) {
            super(message);
        }
    }
}

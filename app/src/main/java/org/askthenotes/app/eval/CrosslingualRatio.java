package org.askthenotes.app.eval;

import java.util.Locale;

/**
 * The cross-lingual test's aim: Chinese questions over English-only notes reach at least {@link #AIM} of the recall@3
 * their English versions reach over the same notes, per mode.
 */
final class CrosslingualRatio {
    static final double AIM = 0.85;
    static final String METRIC = "recall@3";

    private CrosslingualRatio() {
    }

    /** recall@3 of the Chinese questions over that of their English versions, in one mode. */
    static double of(EvalReport chinese, EvalReport english, String mode) {
        double en = english.metricsByMode().get(mode).get(METRIC);
        return en == 0 ? 0 : chinese.metricsByMode().get(mode).get(METRIC) / en;
    }

    static String table(EvalReport chinese, EvalReport english) {
        StringBuilder out = new StringBuilder("\n" + METRIC + ", Chinese questions / English versions "
                + "(aim ≥ " + AIM + "):\n");
        for (String mode : chinese.metricsByMode().keySet()) {
            double ratio = of(chinese, english, mode);
            out.append(String.format(Locale.ROOT, "  %-7s %.4f / %.4f = %.3f %s%n", mode,
                    chinese.metricsByMode().get(mode).get(METRIC), english.metricsByMode().get(mode).get(METRIC),
                    ratio, ratio >= AIM ? "ok" : "below the aim"));
        }
        return out.toString();
    }
}

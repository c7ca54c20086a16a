package org.askthenotes.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void redrawsInPlaceAndEndsItsLineWhenASyncIsDone() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), "embedding");
        bar.onEmbedded(0, 200);
        bar.onEmbedded(100, 200);
        bar.onEmbedded(200, 200);
        String[] draws = out.toString().split("\r", -1);
        assertEquals(4, draws.length, out.toString());
        assertTrue(draws[1].startsWith("embedding [------------------------------] 0/200   0% ETA --:--"), draws[1]);
        assertTrue(draws[2].startsWith("embedding [###############---------------] 100/200  50% ETA "), draws[2]);
        assertEquals("embedding [##############################] 200/200 100% done     " + System.lineSeparator(), draws[3]);
    }

    @Test
    void drawsNothingForAnEmptyJob() {
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(out), "embedding");
        bar.update(0, 0);
        bar.finish();
        assertEquals("", out.toString());
    }
}

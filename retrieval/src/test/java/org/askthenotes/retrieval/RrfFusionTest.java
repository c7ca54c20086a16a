package org.askthenotes.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RrfFusionTest {

    static Stream<Arguments> fusions() {
        return Stream.of(
                Arguments.of("one list keeps its order", 60,
                        List.of(List.of("a", "b", "c")), List.of("a", "b", "c")),
                Arguments.of("agreement beats a single first place", 60,
                        List.of(List.of("a", "b", "c"), List.of("d", "b", "e")), List.of("b", "a", "d", "c", "e")),
                Arguments.of("swapped lists tie and the item met first wins", 60,
                        List.of(List.of("a", "b"), List.of("b", "a")), List.of("a", "b")),
                Arguments.of("an empty list changes nothing", 60,
                        List.of(List.of(), List.of("x", "y")), List.of("x", "y")),
                Arguments.of("ranks, not scores: second and second beat first alone", 1,
                        List.of(List.of("a", "c"), List.of("b", "c")), List.of("c", "a", "b")),
                Arguments.of("no lists, no items", 60, List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fusions")
    void fusesByReciprocalRank(String name, int k, List<List<String>> rankings, List<String> expected) {
        List<String> fused = new RrfFusion(k).fuse(rankings).stream().map(RrfFusion.Fused::item).toList();
        assertEquals(expected, fused);
    }

    static Stream<Arguments> weightedFusions() {
        return Stream.of(
                Arguments.of("equal weights are plain RRF", List.of(1.0, 1.0), List.of("b", "a", "c")),
                Arguments.of("a weak list still votes: second in both passes first in one",
                        List.of(1.0, 0.15), List.of("b", "a", "c")),
                Arguments.of("a zero weight leaves the first list's order", List.of(1.0, 0.0), List.of("a", "b", "c")),
                Arguments.of("a zero first weight follows the second list", List.of(0.0, 1.0), List.of("c", "b", "a")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("weightedFusions")
    void weightsScaleEachListsVote(String name, List<Double> weights, List<String> expected) {
        List<List<String>> rankings = List.of(List.of("a", "b"), List.of("c", "b"));
        List<String> fused = new RrfFusion(60).fuse(rankings, weights).stream().map(RrfFusion.Fused::item).toList();
        assertEquals(expected, fused);
    }

    @Test
    void scoresAreSumsOfReciprocalRanksAndRanksAreKept() {
        List<RrfFusion.Fused<String>> fused = new RrfFusion(60).fuse(List.of(List.of("a", "b"), List.of("b")));
        assertEquals("b", fused.get(0).item());
        assertEquals(1.0 / 62 + 1.0 / 61, fused.get(0).score(), 1e-12);
        assertEquals(List.of(2, 1), fused.get(0).ranks());
        assertEquals(1.0 / 61, fused.get(1).score(), 1e-12);
        assertEquals(List.of(1, 0), fused.get(1).ranks());
    }

    @Test
    void rejectsAnItemTwiceInOneList() {
        assertThrows(IllegalArgumentException.class, () -> new RrfFusion(60).fuse(List.of(List.of("a", "a"))));
    }

    @Test
    void rejectsWeightsThatDoNotMatchTheLists() {
        assertThrows(IllegalArgumentException.class,
                () -> new RrfFusion(60).fuse(List.of(List.of("a")), List.of(1.0, 1.0)));
    }

    @Test
    void rejectsANonPositiveK() {
        assertThrows(IllegalArgumentException.class, () -> new RrfFusion(0));
    }
}

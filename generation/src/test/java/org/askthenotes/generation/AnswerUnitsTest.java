package org.askthenotes.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.askthenotes.ingest.Chunk;
import org.junit.jupiter.api.Test;

/** Answer units cut from chunks exactly as ingest makes them from the third-party notes. */
class AnswerUnitsTest {

    private static List<AnswerUnit> units(String notePath) {
        List<AnswerUnit> units = new ArrayList<>();
        List<Chunk> chunks = ThirdPartyNotes.chunks(notePath);
        for (int i = 0; i < chunks.size(); i++) {
            units.addAll(AnswerUnits.of(chunks.get(i), i + 1, Set.of()));
        }
        return units;
    }

    @Test
    void aListTravelsWithTheSentenceThatLeadsIntoItAndThatSentenceNeverStandsAlone() {
        List<AnswerUnit> units = units("cloud-basics.md");

        AnswerUnit list = units.stream().filter(u -> u.kind() == AnswerUnit.Kind.LIST).findFirst().orElseThrow();
        assertTrue(list.leadIn().startsWith("NIST lists five essential characteristics"), list.leadIn());
        assertEquals(5, list.lines().size(), list.lines().toString());
        assertTrue(list.lines().get(0).startsWith("1. On-demand self-service"), list.lines().get(0));
        assertTrue(units.stream().noneMatch(u -> u.kind() == AnswerUnit.Kind.SENTENCE
                && u.lines().get(0).startsWith("NIST lists")), "the lead-in is quoted only with its items");
    }

    @Test
    void aHardWrappedParagraphGivesWholeSentences() {
        List<AnswerUnit> units = units("cloud-basics.md");

        assertTrue(units.stream().anyMatch(u -> u.lines().equals(List.of("Cloud computing is the on-demand delivery "
                + "of IT resources over the internet with pay-as-you-go pricing."))), units.toString());
    }

    @Test
    void neverQuotesAltTextHeadingsOrCode() {
        List<AnswerUnit> units = units("cloud-basics.md");

        for (AnswerUnit unit : units) {
            String text = unit.text();
            assertFalse(text.contains("diagram of a data centre"), text);
            assertFalse(text.contains("describe-instances"), text);
            assertFalse(text.strip().equals("Essential characteristics"), text);
            assertFalse(text.startsWith("Cloud computing basics"), text);
        }
    }

    @Test
    void aTableRowCarriesItsHeader() {
        List<AnswerUnit> rows = units("cloud-basics.md").stream().filter(u -> u.kind() == AnswerUnit.Kind.ROW).toList();

        assertEquals(3, rows.size(), rows.toString());
        assertEquals("- Model: PaaS; You manage: applications and data only; Example: managed app platforms",
                rows.get(1).lines().get(0));
    }

    @Test
    void aBilingualParagraphPairLeadsIntoOneListInEachLanguage() {
        Chunk chunk = Fixtures.chunk("parts", 1, 9, "parts", List.of("Prompts"),
                Fixtures.en("Prompts have structure. A good prompt usually contains four parts."),
                Fixtures.zh("提示有結構。好的提示通常包含四個部分。"),
                Fixtures.en("- Instructions (指示): the task\n- Context (上下文): the background\n"
                        + "- Input data (輸入資料): the text\n- Output indicator (輸出指示): the shape"));

        List<AnswerUnit> lists = AnswerUnits.of(chunk, 1, Set.of()).stream()
                .filter(u -> u.kind() == AnswerUnit.Kind.LIST).toList();

        assertEquals(List.of("A good prompt usually contains four parts.", "好的提示通常包含四個部分。"),
                lists.stream().map(AnswerUnit::leadIn).toList());
        lists.forEach(list -> assertEquals(4, list.lines().size()));
    }
}

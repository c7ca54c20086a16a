package org.askthenotes.app.view;

import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.askthenotes.app.NotesService;
import org.askthenotes.app.config.AppConfig;
import org.askthenotes.generation.AnswererKind;
import org.askthenotes.retrieval.IndexStats;

/**
 * GET /api/stats: what the index holds, for the page's header and its tag and category filters.
 *
 * @param lastSync ISO-8601 instant of the last sync, null before the first
 */
public record StatsView(
        int notes,
        int chunks,
        String model,
        int dimension,
        long indexSizeBytes,
        String lastSync,
        SortedSet<String> tags,
        SortedSet<String> categories,
        String defaultAnswerer,
        List<String> answerers,
        String defaultMode,
        int defaultK,
        NotesService.SyncOutcome lastSyncReport) {

    public static StatsView of(IndexStats stats, NotesService service) {
        return new StatsView(stats.notes(), stats.chunks(), stats.modelId(), stats.dimension(),
                stats.sizeOnDiskBytes(), stats.lastSync() == null ? null : stats.lastSync().toString(), stats.tags(),
                stats.categories(), service.config().answerer(), answerers(service.config()),
                service.config().mode().id(), service.config().k(), service.lastSync());
    }

    /**
     * The answerers worth offering: extractive always, the configured default, and the LLM ones only when an LLM
     * endpoint, model or key is configured (otherwise they fail on every question).
     */
    static List<String> answerers(AppConfig config) {
        Set<String> names = new LinkedHashSet<>(List.of(AnswererKind.EXTRACTIVE.id(), config.answerer()));
        if (config.llmBaseUrl() != null || config.llmModel() != null || config.llmApiKey() != null) {
            Arrays.stream(AnswererKind.values()).filter(AnswererKind::isLlm).map(AnswererKind::id).forEach(names::add);
        }
        return List.copyOf(names);
    }
}

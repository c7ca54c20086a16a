package org.askthenotes.generation;

import java.util.function.Consumer;

/**
 * Writes the answer text for a question and its numbered sources, citing them as [n]. Citations, grounding and
 * abstention are the caller's business ({@link NotesAssistant}); an answerer only writes.
 */
public interface Answerer {
    /** Sends the text in pieces to {@code onDelta} as it is written, and returns all of it. */
    Draft answer(AnswerContext context, Consumer<String> onDelta);
}

package org.askthenotes.generation;

/**
 * The four parts of a prompt, rendered: what the model (or a reader with "show prompt") sees.
 *
 * @param system the system message: the instructions
 * @param user   the user message: context, input data and output indicator, in that order
 */
public record Prompt(String instructions, String context, String inputData, String outputIndicator, String system, String user) {
}

package org.askthenotes.generation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The four parts of a prompt, rendered: what the model (or a reader with "show prompt") sees.
 *
 * @param system the system message: the instructions
 * @param user   the user message: context, input data and output indicator, in that order
 * @param tokens what it costs in tokens, null until {@link PromptBudget} counted it
 */
public record Prompt(String instructions, String context, String inputData, String outputIndicator, String system,
                     String user, @JsonInclude(JsonInclude.Include.NON_NULL) PromptTokens tokens) {

    public Prompt withTokens(PromptTokens counted) {
        return new Prompt(instructions, context, inputData, outputIndicator, system, user, counted);
    }
}

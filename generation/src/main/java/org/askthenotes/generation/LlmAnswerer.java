package org.askthenotes.generation;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Answers with any LangChain4j chat model from the four-part prompt: streamed when a {@link StreamingChatModel}
 * is given (the partial responses become the deltas), else in one call. It also condenses follow-up questions
 * into standalone retrieval queries with the condense prompt, through the plain {@link ChatModel}.
 */
public final class LlmAnswerer implements Answerer, QueryCondenser {
    private final String name;
    private final ChatModel chatModel;
    private final StreamingChatModel streamingModel;
    private final Duration timeout;
    private final String baseUrl;
    private final String condenseTemplate;

    /**
     * @param streamingModel null to answer in one call
     * @param timeout        how long to wait for a streamed answer to finish
     * @param baseUrl        the server's address, named in failure messages (null when unknown)
     */
    public LlmAnswerer(String name, ChatModel chatModel, StreamingChatModel streamingModel, Duration timeout,
                       String baseUrl) {
        this.name = Objects.requireNonNull(name, "name");
        this.chatModel = Objects.requireNonNull(chatModel, "chatModel");
        this.streamingModel = streamingModel;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.baseUrl = baseUrl;
        this.condenseTemplate = PromptTemplate.resource("prompt/condense.txt");
    }

    @Override
    public Draft answer(AnswerContext context, Consumer<String> onDelta) {
        if (streamingModel == null) {
            String answer = call(context);
            onDelta.accept(answer);
            return new Draft(answer, name);
        }
        return new Draft(stream(context, onDelta), name);
    }

    private String call(AnswerContext context) {
        try {
            String text = chatModel.chat(PromptTemplate.messages(context.prompt())).aiMessage().text();
            return text == null ? "" : text;
        } catch (RuntimeException e) {
            throw LlmFailure.of(name, baseUrl, e);
        }
    }

    @Override
    public String condense(String question, List<Turn> history) {
        if (history.isEmpty()) {
            return question;
        }
        String prompt = PromptTemplate.fill(condenseTemplate, Map.of(
                "history", PromptTemplate.history(history), "question", question.strip()));
        String standalone;
        try {
            standalone = chatModel.chat(UserMessage.from(prompt)).aiMessage().text();
        } catch (RuntimeException e) {
            throw LlmFailure.of(name, baseUrl, e);
        }
        return standalone == null || standalone.isBlank() ? JOINING.condense(question, history) : standalone.strip();
    }

    private String stream(AnswerContext context, Consumer<String> onDelta) {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        StringBuilder text = new StringBuilder();
        streamingModel.chat(PromptTemplate.messages(context.prompt()), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext streaming) {
                deliver(partial.text(), streaming.streamingHandle());
            }

            /** For a model that does not offer a handle to cancel its stream. */
            @Override
            public void onPartialResponse(String partial) {
                deliver(partial, null);
            }

            private void deliver(String partial, StreamingHandle handle) {
                if (done.isDone()) {
                    return;
                }
                text.append(partial);
                try {
                    onDelta.accept(partial);
                } catch (RuntimeException e) {
                    // The listener gave up (its client left): stop the model's stream and hand its reason back.
                    if (handle != null) {
                        handle.cancel();
                    }
                    done.completeExceptionally(new ListenerFailed(e));
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            ChatResponse response = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String full = response.aiMessage() == null ? null : response.aiMessage().text();
            return full != null && !full.isEmpty() ? full : text.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " answerer interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ListenerFailed failed) {
                throw (RuntimeException) failed.getCause();
            }
            throw LlmFailure.of(name, baseUrl, e.getCause());
        } catch (TimeoutException e) {
            throw LlmFailure.timedOut(name, timeout, e);
        }
    }

    /** Carries the delta listener's own exception past the future, so it is not taken for the model's failure. */
    private static final class ListenerFailed extends RuntimeException {
        ListenerFailed(RuntimeException cause) {
            super(cause);
        }
    }
}

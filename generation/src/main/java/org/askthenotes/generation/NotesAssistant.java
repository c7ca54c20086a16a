package org.askthenotes.generation;

import java.util.List;
import java.util.Objects;
import org.askthenotes.retrieval.Embedder;
import org.askthenotes.retrieval.Hit;
import org.askthenotes.retrieval.Retriever;
import org.askthenotes.retrieval.SearchRequest;

/**
 * Answers questions about the notes: condense a follow-up (only a question that depends on the conversation; a
 * standalone one is searched and judged for abstention on its own text), retrieve, abstain when retrieval is not
 * confident, complete a list whose items are sections ({@link SiblingSections}), render the four-part prompt, answer, check the citations, check the grounding. Thread-safe when its
 * parts are.
 */
public final class NotesAssistant {
    /** {@link Answer#answerer()} of an abstention: no answerer was asked. */
    public static final String ABSTAINED = "none";

    private final Retriever retriever;
    private final Answerer answerer;
    private final QueryCondenser condenser;
    private final PromptTemplate template;
    private final PromptBudget budget;
    private final Abstention abstention;
    private final GroundingCheck grounding;

    /**
     * @param answerer     also condenses follow-ups when it is a {@link QueryCondenser} (an {@link LlmAnswerer});
     *                     otherwise {@link QueryCondenser#JOINING} joins the conversation's questions to it
     * @param abstention   when retrieval is too unsure to answer, e.g. {@link Abstention#DEFAULT}
     * @param budget       counts the prompt's tokens and, for an LLM, fits the sources into its context window
     */
    public NotesAssistant(Retriever retriever, Embedder embedder, Answerer answerer, PromptTemplate template,
                          Abstention abstention, PromptBudget budget) {
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.answerer = Objects.requireNonNull(answerer, "answerer");
        this.condenser = answerer instanceof QueryCondenser c ? c : QueryCondenser.JOINING;
        this.template = Objects.requireNonNull(template, "template");
        this.grounding = new GroundingCheck(Objects.requireNonNull(embedder, "embedder"));
        this.abstention = Objects.requireNonNull(abstention, "abstention");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    public Answer ask(AskRequest request, AnswerListener listener) {
        Timings timings = new Timings();
        RetrievalQuery query = timings.time("condense", () -> retrievalQuery(request));
        SearchRequest search = new SearchRequest(query.text(), request.k(), request.mode(), request.filters());
        List<Hit> hits = timings.time("retrieve", () -> retriever.search(search));
        if (abstention.abstains(query.text(), hits)) {
            listener.onSources(hits);
            return abstain(request, query, hits, timings, listener);
        }
        List<Hit> context = timings.time("retrieve", () -> SectionOpening.complete(retriever, search,
                request.question(), SiblingSections.complete(retriever, search, request.question(), hits)));
        listener.onSources(context);
        PromptBudget.Fitted fitted = timings.time("prompt", () -> budget.fit(template, request.question(),
                request.history(), context, request.includePrompt()));
        List<Hit> sources = fitted.sources();
        Prompt prompt = fitted.prompt();
        Draft draft = timings.time("answer", () -> answerer.answer(
                new AnswerContext(request.question(), request.history(), sources, prompt), listener::onDelta));
        Citations.Resolved cited = timings.time("cite", () -> Citations.resolve(draft.text(), sources));
        GroundingCheck.Result checked = timings.time("ground", () -> grounding.check(cited.text(), sources));
        Answer answer = new Answer(cited.text(), false, checked.grounded(), cited.citations(), cited.alsoRetrieved(),
                checked.ungroundedSentences(), cited.droppedMarkers(), draft.answerer(),
                request.includePrompt() ? prompt : null, timings.withTotal(), query);
        listener.onComplete(answer);
        return answer;
    }

    /** A follow-up is condensed with the conversation; a question that stands alone is searched as asked. */
    private RetrievalQuery retrievalQuery(AskRequest request) {
        FollowUpDetector.Decision decision = FollowUpDetector.decide(request.question(), request.history());
        String text = decision.followUp()
                ? condenser.condense(request.question(), request.history())
                : request.question();
        return new RetrievalQuery(text, decision.followUp(), decision.reason());
    }

    public Abstention abstention() {
        return abstention;
    }

    /**
     * The fixed sentence, the nearest sources as alsoRetrieved, and the prompt that was not sent if asked for;
     * grounded is null: there is no answer sentence to ground.
     */
    private Answer abstain(AskRequest request, RetrievalQuery query, List<Hit> hits, Timings timings,
                           AnswerListener listener) {
        Prompt prompt = request.includePrompt()
                ? timings.time("prompt", () -> budget.fit(template, request.question(), request.history(), hits, true)
                        .prompt())
                : null;
        listener.onDelta(Abstention.SENTENCE);
        Answer answer = new Answer(Abstention.SENTENCE, true, null, List.of(), Citations.resolve("", hits).alsoRetrieved(),
                List.of(), List.of(), ABSTAINED, prompt, timings.withTotal(), query);
        listener.onComplete(answer);
        return answer;
    }
}

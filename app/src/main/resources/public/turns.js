// One question and its answer in the conversation: rendering of the streamed text, badges, retrieval table,
// prompt and the actions under it (copy, regenerate, rate).
import { renderMarkdown, hasCjk } from './markdown.js';
import { tokenTable } from './feedback.js';
import { el, notePageUrl } from './dom.js';

export function newTurn(question, onChip) {
  const turn = { question, text: '', sources: [], citations: [], node: el('article', 'turn') };
  turn.node.append(el('div', 'question', question));
  turn.answer = el('div', 'answer streaming');
  turn.meta = el('div', 'meta');
  turn.actions = el('div', 'actions');
  turn.debug = el('div', 'debug');
  turn.prompt = el('div', 'prompt');
  turn.node.append(turn.answer, turn.meta, turn.actions, turn.debug, turn.prompt);
  turn.answer.addEventListener('click', event => {
    const chip = event.target.closest('.chip');
    if (chip) onChip(turn, Number(chip.dataset.n));
  });
  return turn;
}

export function renderAnswer(turn) {
  turn.answer.innerHTML = renderMarkdown(turn.text);  // escaped by renderMarkdown before any tag is added
  // The server decides the answer's language with the rule retrieval used (main's answer.language), known once the
  // answer is done; a server without that field leaves it to the text.
  if (turn.language) turn.answer.lang = turn.language === 'zh' ? 'zh-Hant' : turn.language;
  else if (hasCjk(turn.text)) turn.answer.lang = 'zh-Hant';
}

/** Everything a finished answer shows; also used to show a stored turn again after a reload. */
export function renderFinished(turn, answer) {
  turn.text = answer.answer;
  turn.language = answer.language;
  turn.citations = answer.citations || [];
  turn.answer.classList.remove('streaming');
  renderAnswer(turn);
  flagInjections(turn);
  renderMeta(turn, answer);
  renderDebug(turn);
  renderQuery(turn, answer.retrievalQuery);
  renderPrompt(turn, answer.prompt);
}

/** The answer with its sources as Markdown: what Copy puts on the clipboard. */
export function answerMarkdown(turn) {
  const lines = turn.citations.map(c => `[${c.n}] ${[c.notePath, ...c.headingPath].join(' › ')}`);
  return turn.text.trim() + (lines.length ? '\n\n' + lines.join('\n') : '') + '\n';
}

/** Chips of cited passages that read like an instruction to an AI model get a warning badge and a tooltip. */
function flagInjections(turn) {
  for (const c of turn.citations) {
    if (!c.injectionWarning) continue;
    for (const chip of turn.answer.querySelectorAll('.chip')) {
      if (Number(chip.dataset.n) !== c.n) continue;
      chip.classList.add('suspect');
      chip.title = 'Be wary of this source: its passage ' + c.injectionWarning;
      chip.setAttribute('aria-label', `Source ${c.n}, flagged: reads like an instruction to an AI model`);
    }
  }
}

function renderMeta(turn, answer) {
  turn.meta.replaceChildren();
  turn.node.querySelector('.nearest-box')?.remove();
  if (answer.abstained) {
    turn.meta.append(el('span', 'badge abstained', 'not in the notes'));
    renderNearest(turn, answer.alsoRetrieved || []);
  } else {
    turn.meta.append(el('span', 'badge answerer', 'answered by ' + answer.answerer));
    turn.meta.append(el('span', answer.grounded ? 'badge grounded' : 'badge ungrounded',
      answer.grounded ? 'grounded' : 'partly grounded'));
  }
  const query = answer.retrievalQuery;
  if (query && query.followUp) {
    const badge = el('span', 'badge follow-up', 'follow-up');
    badge.title = 'Searched as: ' + query.text;
    turn.meta.append(badge);
  }
  if (answer.timingsMs && answer.timingsMs.total !== undefined) {
    turn.meta.append(el('span', 'timing', answer.timingsMs.total + ' ms'));
  }
}

/** After an abstention, the nearest headings the notes do have, as links: a place to start reading. */
function renderNearest(turn, nearest) {
  if (!nearest.length) return;
  const list = el('ul', 'nearest');
  const seen = new Set();
  for (const c of nearest) {
    const key = c.notePath + '#' + c.anchor;
    if (seen.has(key)) continue;
    seen.add(key);
    const link = el('a', '', [c.notePath, ...c.headingPath.slice(-1)].join(' › '));
    link.href = notePageUrl(c);
    link.target = '_blank';
    link.rel = 'noopener';
    const item = el('li');
    item.append(link);
    list.append(item);
  }
  const box = el('div', 'nearest-box');
  box.append(el('span', '', 'Nearest in the notes:'), list);
  turn.node.insertBefore(box, turn.actions);
}

export function renderDebug(turn) {
  const table = el('table', 'debug-table');
  const head = el('tr');
  for (const h of ['#', 'Source', 'BM25 rank', 'BM25 score', 'Vector rank', 'Similarity', 'Fused score']) {
    head.append(el('th', '', h));
  }
  table.append(head);
  for (const s of turn.sources) {
    const row = el('tr');
    const cells = [String(s.rank), [s.notePath, ...s.headingPath].join(' › '),
      s.bm25Rank ? String(s.bm25Rank) : '–', s.bm25Rank ? s.bm25Score.toFixed(2) : '–',
      s.vectorRank ? String(s.vectorRank) : '–', s.vectorSimilarity.toFixed(3), s.score.toFixed(4)];
    for (const c of cells) row.append(el('td', '', c));
    table.append(row);
  }
  const english = turn.sources.length ? turn.sources[0].englishQuery : '';
  const searched = english ? [el('p', 'english-query', 'English query terms searched: ' + english)] : [];
  turn.debug.replaceChildren(el('h3', '', 'Retrieval'), ...searched, table);
}

/** Above the retrieval table: what was searched, and whether the question was read with the conversation. */
function renderQuery(turn, query) {
  if (!query) return;
  const line = el('p', 'searched-query');
  line.append(el('span', '', query.followUp ? 'Searched as a follow-up (' + query.reason + '): ' : 'Searched on its own: '),
    el('q', '', query.text));
  turn.debug.insertBefore(line, turn.debug.querySelector('.debug-table'));
}

function renderPrompt(turn, prompt) {
  if (!prompt) return;
  const details = el('details', 'prompt-parts');
  details.open = true;
  details.append(el('summary', '', 'Prompt'));
  for (const [title, text] of [['Instructions', prompt.instructions], ['Context', prompt.context],
    ['Input data', prompt.inputData], ['Output indicator', prompt.outputIndicator]]) {
    const section = el('section', 'prompt-part');
    section.append(el('h4', '', title), el('pre', '', text || ''));
    details.append(section);
  }
  details.append(...tokenTable(prompt.tokens));
  turn.prompt.replaceChildren(details);
}

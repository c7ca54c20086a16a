import { renderMarkdown, hasCjk } from './markdown.js';
import { feedbackForm, showRatings, tokenTable } from './feedback.js';

const $ = selector => document.querySelector(selector);
const MAX_HISTORY = 4;

/** Finished exchanges, sent with follow-up questions so the notes are searched in context. */
const history = [];
let busy = false;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) {
    node.textContent = text;
    if (hasCjk(text)) node.lang = 'zh-Hant';
  }
  return node;
}

function notePageUrl(source) {
  const path = source.notePath.split('/').map(encodeURIComponent).join('/');
  return '/notes/' + path + (source.anchor ? '#' + encodeURIComponent(source.anchor) : '');
}

async function loadStats() {
  const response = await fetch('/api/stats');
  if (!response.ok) return;
  const stats = await response.json();
  $('#stats').textContent = `${stats.notes} notes · ${stats.chunks} chunks · ${stats.model}`;
  fillSelect($('#tag-filter'), stats.tags);
  fillSelect($('#category-filter'), stats.categories);
  const answerer = $('#answerer');
  for (const name of stats.answerers) {
    const option = el('option', '', name);
    option.value = name;
    option.selected = name === stats.defaultAnswerer;
    answerer.append(option);
  }
  $('#mode').value = stats.defaultMode;
}

function fillSelect(select, values) {
  for (const value of values) {
    const option = el('option', '', value);
    option.value = value;
    select.append(option);
  }
}

function streamUrl(question) {
  const params = new URLSearchParams({ question, mode: $('#mode').value, includePrompt: 'true' });
  if ($('#answerer').value) params.set('answerer', $('#answerer').value);
  if ($('#tag-filter').value) params.set('tags', $('#tag-filter').value);
  if ($('#category-filter').value) params.set('categories', $('#category-filter').value);
  if (history.length) {
    const recent = history.slice(-MAX_HISTORY).map(t => ({ question: t.question, answer: t.answer.slice(0, 800) }));
    params.set('history', JSON.stringify(recent));
  }
  return '/api/ask/stream?' + params;
}

/** One question and its streamed answer: the DOM nodes and what the events delivered so far. */
function newTurn(question) {
  $('#welcome')?.remove();
  const turn = { question, text: '', sources: [], citations: [], node: el('article', 'turn') };
  turn.node.append(el('div', 'question', question));
  turn.answer = el('div', 'answer streaming');
  turn.meta = el('div', 'meta');
  turn.debug = el('div', 'debug');
  turn.prompt = el('div', 'prompt');
  turn.node.append(turn.answer, turn.meta, turn.debug, turn.prompt);
  turn.answer.addEventListener('click', event => {
    const chip = event.target.closest('.chip');
    if (chip) openSource(turn, Number(chip.dataset.n));
  });
  $('#conversation').append(turn.node);
  return turn;
}

function renderAnswer(turn) {
  turn.answer.innerHTML = renderMarkdown(turn.text);  // escaped by renderMarkdown before any tag is added
  // The server decides the answer's language with the rule retrieval used; known once the answer is done.
  if (turn.language) turn.answer.lang = turn.language === 'zh' ? 'zh-Hant' : turn.language;
  turn.node.scrollIntoView({ block: 'end' });
}

function ask(question) {
  const asked = history.slice(-MAX_HISTORY).map(t => ({ question: t.question, answer: t.answer.slice(0, 800) }));
  const turn = newTurn(question);
  setBusy(true);
  const source = new EventSource(streamUrl(question));
  const finish = () => { source.close(); setBusy(false); turn.answer.classList.remove('streaming'); };
  source.addEventListener('sources', e => { turn.sources = JSON.parse(e.data); renderDebug(turn); });
  source.addEventListener('delta', e => { turn.text += JSON.parse(e.data).text; renderAnswer(turn); });
  source.addEventListener('citations', e => { turn.citations = JSON.parse(e.data).citations; });
  source.addEventListener('done', e => {
    const answer = JSON.parse(e.data);
    turn.text = answer.answer;
    turn.language = answer.language;
    turn.citations = answer.citations;
    renderAnswer(turn);
    flagInjections(turn);
    renderMeta(turn, answer);
    renderQuery(turn, answer.retrievalQuery);
    renderPrompt(turn, answer.prompt);
    turn.node.insertBefore(feedbackForm({ question, history: asked, answer, sources: turn.sources,
      mode: $('#mode').value }), turn.debug);
    turn.node.scrollIntoView({ block: 'end' });
    history.push({ question, answer: answer.answer });
    finish();
  });
  source.addEventListener('error', e => {
    // A server "error" event carries data; a failed connection (or a 400 before the stream) does not.
    const message = e.data ? JSON.parse(e.data).error : 'The answer could not be fetched (connection or request error).';
    turn.answer.append(el('p', 'error', message));
    finish();
  });
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
  turn.node.insertBefore(box, turn.debug);
}

function renderDebug(turn) {
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

/** The side panel: the cited chunk with the quoted passage marked, and a link to the note at its heading. */
function openSource(turn, n) {
  const citation = turn.citations.find(c => c.n === n);
  // By chunk: with an LLM's context budget a left-out source shifts the numbers after it.
  const source = turn.sources.find(s => (citation ? s.chunkId === citation.chunkId : s.rank === n));
  const where = citation || source;
  if (!where) return;
  $('#side-n').textContent = String(n);
  $('#side-title').textContent = [source ? source.noteTitle : where.notePath, ...where.headingPath].join(' › ');
  $('#side-where').textContent = `${where.notePath}, lines ${where.startLine}–${where.endLine}`;
  $('#side-passage').replaceChildren(...passage(source ? source.text : '', citation ? citation.snippet : ''));
  const warning = citation && citation.injectionWarning;
  $('#side-warning').textContent = warning ? 'Be wary of this passage: it ' + warning
    + '. It was treated as note text, not as an instruction.' : '';
  $('#side-warning').hidden = !warning;
  $('#side-open').href = notePageUrl(where);
  $('#side-panel').hidden = false;
  document.body.classList.add('panel-open');
}

/**
 * The chunk text with the quoted passage wrapped in <mark>, built from text nodes, never from HTML. A snippet may
 * join several pieces of the chunk with "…": each piece found in order is marked.
 */
function passage(text, snippet) {
  const box = el('div', 'passage-text');
  if (hasCjk(text + snippet)) box.lang = 'zh-Hant';
  const pieces = (snippet || '').split(/\s*(?:…|\.\.\.)\s*/).map(p => p.trim()).filter(p => p.length > 0);
  let pos = 0;
  let marked = 0;
  for (const piece of pieces) {
    const at = text.indexOf(piece, pos);
    if (at < 0) continue;
    box.append(document.createTextNode(text.slice(pos, at)), el('mark', '', piece));
    pos = at + piece.length;
    marked++;
  }
  box.append(document.createTextNode(text.slice(pos)));
  if (marked === 0 && snippet) {
    const quote = el('blockquote', '');
    quote.append(el('mark', '', snippet));
    return text ? [quote, box] : [quote];
  }
  return [box];
}

function setBusy(value) {
  busy = value;
  $('#ask').disabled = value;
  $('#ask').textContent = value ? 'Answering…' : 'Ask';
}

function submit(event) {
  event.preventDefault();
  const question = $('#question').value.trim();
  $('#form-error').textContent = '';
  if (busy) return;
  if (!question) {
    $('#form-error').textContent = 'Type a question first.';
    return;
  }
  $('#question').value = '';
  ask(question);
}

function init() {
  $('#ask-form').addEventListener('submit', submit);
  $('#question').addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
  });
  $('#side-close').addEventListener('click', () => {
    $('#side-panel').hidden = true;
    document.body.classList.remove('panel-open');
  });
  $('#show-prompt').addEventListener('change', e => document.body.classList.toggle('show-prompt', e.target.checked));
  $('#show-debug').addEventListener('change', e => document.body.classList.toggle('show-debug', e.target.checked));
  $('#show-ratings').addEventListener('click', () => showRatings($('#ratings-dialog')));
  $('#reset').addEventListener('click', () => {
    history.length = 0;
    $('#conversation').replaceChildren();
  });
  loadStats();
}

init();

import { feedbackForm, showRatings } from './feedback.js';
import { streamAnswer } from './stream.js';
import * as store from './store.js';
import { el, button } from './dom.js';
import { openSource, closePanel } from './panel.js';
import { newTurn, renderAnswer, renderFinished, renderDebug, answerMarkdown } from './turns.js';

const $ = selector => document.querySelector(selector);
const MAX_HISTORY = 4;

/** The conversation on screen (also in localStorage) and the answer being streamed, if any. */
let conversation = store.newConversation();
let controller = null;

/** Finished exchanges, sent with follow-up questions so the notes are searched in context. */
function recentHistory() {
  return conversation.turns.filter(t => t.answer && !t.stopped).slice(-MAX_HISTORY)
    .map(t => ({ question: t.question, answer: t.answer.answer.slice(0, 800) }));
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

/** The welcome screen: what the notes cover and example questions made from their own headings. */
async function loadExamples() {
  const response = await fetch('/api/examples');
  if (!response.ok) return;
  const { topics, examples } = await response.json();
  if (topics.length) {
    const shown = topics.slice(0, 6).join(', ');
    $('#welcome-topics').textContent = `The notes cover ${topics.length} topics: ${shown}`
      + (topics.length > 6 ? ` and ${topics.length - 6} more.` : '.');
  }
  $('#examples').replaceChildren(...examples.map(q => button('example', q, () => ask(q))));
}

function fillSelect(select, values) {
  for (const value of values) {
    const option = el('option', '', value);
    option.value = value;
    select.append(option);
  }
}

function streamUrl(question, asked, mode) {
  const params = new URLSearchParams({ question, mode, includePrompt: 'true' });
  if ($('#answerer').value) params.set('answerer', $('#answerer').value);
  if ($('#tag-filter').value) params.set('tags', $('#tag-filter').value);
  if ($('#category-filter').value) params.set('categories', $('#category-filter').value);
  if (asked.length) params.set('history', JSON.stringify(asked));
  return '/api/ask/stream?' + params;
}

/**
 * Asks and streams the answer into a new turn. Regenerate passes the original turn's history and the turn to
 * replace; an error keeps the question (back in the composer, and a Retry button) instead of storing the turn.
 */
async function ask(question, asked = recentHistory(), replace = null) {
  if (controller) return;
  closePanel();
  $('#welcome').hidden = true;
  const owner = conversation;
  const record = { question, history: asked, mode: $('#mode').value };
  const turn = newTurn(question, openSource);
  if (replace) replace.node.replaceWith(turn.node);
  else $('#conversation').append(turn.node);
  turn.node.scrollIntoView({ block: 'end' });
  controller = new AbortController();
  setBusy(true);
  try {
    await streamAnswer(streamUrl(question, asked, record.mode), controller.signal, {
      sources: data => { turn.sources = data; renderDebug(turn); },
      delta: data => { turn.text += data.text; renderAnswer(turn); turn.node.scrollIntoView({ block: 'end' }); },
      citations: data => { turn.citations = data.citations; },
      done: answer => { record.answer = store.storedAnswer(answer); renderFinished(turn, answer); },
    });
    record.sources = turn.sources;
    keep(owner, turn, record, replace);
  } catch (e) {
    turn.answer.classList.remove('streaming');
    if (e.name === 'AbortError') {
      Object.assign(record, { stopped: true, text: turn.text, sources: turn.sources });
      turn.answer.append(el('p', 'stopped', 'Stopped.'));
      keep(owner, turn, record, replace);
    } else {
      showError(turn, e.message, question, asked);
    }
  } finally {
    controller = null;
    setBusy(false);
  }
  turn.node.scrollIntoView({ block: 'end' });
}

/** Stores the turn in the conversation (in place of the one it regenerates) and adds its buttons. */
function keep(owner, turn, record, replaced) {
  const at = replaced ? owner.turns.indexOf(replaced.record) : -1;
  if (at >= 0) owner.turns[at] = record;
  else owner.turns.push(record);
  if (!owner.title) owner.title = record.question.slice(0, 60);
  turn.record = record;
  store.save(owner);
  if (owner !== conversation) return;  // stopped because another conversation was opened
  store.setCurrent(owner.id);
  addActions(turn, record);
  renderChatList();
}

function showError(turn, message, question, asked) {
  turn.node.classList.add('failed');
  turn.answer.replaceChildren(el('p', 'error', message));
  if (!$('#question').value.trim()) $('#question').value = question;
  turn.actions.replaceChildren(button('retry', 'Retry', () => {
    if ($('#question').value.trim() === question) $('#question').value = '';
    ask(question, asked, { node: turn.node, record: null });
  }));
}

/** Copy and, on the newest turn, Regenerate; ratings under a finished answer. */
function addActions(turn, record) {
  const status = el('span', 'action-status');
  status.setAttribute('role', 'status');
  const copy = button('copy', 'Copy', async () => {
    const markdown = answerMarkdown(turn);
    try {
      await navigator.clipboard.writeText(markdown);
      status.textContent = 'Copied';
    } catch (e) {
      status.textContent = 'Could not copy: ' + e.message;
    }
  }, 'Copy the answer and its sources as Markdown');
  const regenerate = button('regenerate', 'Regenerate', () => ask(record.question, record.history, turn),
    'Ask the same question again, with the same conversation before it');
  document.querySelectorAll('.turn .regenerate').forEach(b => b.remove());
  turn.actions.replaceChildren(copy, regenerate, status);
  if (record.answer) {
    turn.actions.append(feedbackForm({ question: record.question, history: record.history, answer: record.answer,
      sources: record.sources || [], mode: record.mode }));
  }
}

/** Shows a stored conversation again, turn by turn, as it was answered. */
function show(stored) {
  controller?.abort();
  closePanel();
  conversation = stored;
  $('#conversation').querySelectorAll('.turn').forEach(n => n.remove());
  $('#welcome').hidden = conversation.turns.length > 0;
  for (const record of conversation.turns) {
    const turn = newTurn(record.question, openSource);
    turn.sources = record.sources || [];
    turn.record = record;
    $('#conversation').append(turn.node);
    if (record.answer) renderFinished(turn, record.answer);
    else {
      turn.text = record.text || '';
      turn.answer.classList.remove('streaming');
      renderAnswer(turn);
      turn.answer.append(el('p', 'stopped', 'Stopped.'));
    }
    addActions(turn, record);
  }
  store.setCurrent(conversation.turns.length ? conversation.id : null);
  renderChatList();
  $('#conversation').lastElementChild?.scrollIntoView({ block: 'end' });
  document.body.classList.remove('chats-open');
}

function renderChatList() {
  const items = store.loadAll().map(c => {
    const item = el('li', c.id === conversation.id ? 'chat-item current' : 'chat-item');
    item.append(button('chat-open', c.title || 'Untitled', () => show(c)),
      button('chat-delete', '×', () => remove(c.id), 'Delete this conversation'));
    item.lastChild.setAttribute('aria-label', 'Delete conversation: ' + c.title);
    return item;
  });
  $('#chat-list').replaceChildren(...items);
}

function remove(id) {
  store.remove(id);
  if (id === conversation.id) show(store.newConversation());
  else renderChatList();
}

function setBusy(value) {
  $('#ask').hidden = value;
  $('#stop').hidden = !value;
}

function submit(event) {
  event.preventDefault();
  const question = $('#question').value.trim();
  $('#form-error').textContent = '';
  if (controller) return;
  if (!question) {
    $('#form-error').textContent = 'Type a question first.';
    return;
  }
  $('#question').value = '';
  ask(question);
}

/** Escape closes the source panel (or the chat list); "/" outside a text field goes to the composer. */
function onKey(event) {
  if (event.key === 'Escape') {
    closePanel();
    document.body.classList.remove('chats-open');
  } else if (event.key === '/' && !event.target.closest('input, textarea, select, [contenteditable]')) {
    event.preventDefault();
    $('#question').focus();
  }
}

function init() {
  $('#ask-form').addEventListener('submit', submit);
  $('#question').addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
  });
  document.addEventListener('keydown', onKey);
  $('#stop').addEventListener('click', () => controller?.abort());
  $('#side-close').addEventListener('click', closePanel);
  $('#show-prompt').addEventListener('change', e => document.body.classList.toggle('show-prompt', e.target.checked));
  $('#show-debug').addEventListener('change', e => document.body.classList.toggle('show-debug', e.target.checked));
  $('#show-ratings').addEventListener('click', () => showRatings($('#ratings-dialog')));
  $('#new-chat').addEventListener('click', () => show(store.newConversation()));
  $('#toggle-chats').addEventListener('click', () => document.body.classList.toggle('chats-open'));
  $('#toggle-filters').addEventListener('click', () => {
    const open = document.body.classList.toggle('filters-open');
    $('#toggle-filters').setAttribute('aria-expanded', String(open));
  });
  const saved = store.loadAll().find(c => c.id === store.currentId());
  show(saved || store.newConversation());
  loadStats();
  loadExamples();
}

init();

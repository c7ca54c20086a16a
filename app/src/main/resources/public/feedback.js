// Ratings under each answer (POST /api/feedback) and the prompt's token counts; kept apart from app.js so the
// chat's own code stays small.

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const sectionLabel = s => [s.notePath, ...s.headingPath].join(' › ');

/**
 * Thumbs up/down under an answer; either opens an optional comment and a choice of the section that was right
 * (among those retrieved), then sends the rating with the answer as it was shown.
 */
export function feedbackForm({ question, history, answer, sources, mode }) {
  const box = el('div', 'feedback');
  // Words, not emoji: a machine without an emoji font would show two empty boxes.
  const up = el('button', 'thumb thumb-up', 'Yes, helpful');
  const down = el('button', 'thumb thumb-down', 'No');
  up.type = down.type = 'button';
  up.title = 'Thumbs up';
  down.title = 'Thumbs down: say what was wrong below';
  const form = el('form', 'feedback-form');
  form.hidden = true;
  const comment = el('textarea', 'feedback-comment');
  comment.rows = 2;
  comment.maxLength = 2000;
  comment.placeholder = 'What was right or wrong? (optional)';
  const section = el('select', 'feedback-section');
  section.append(new Option('The right section (optional)', ''));
  const seen = new Set();
  for (const s of sources) {
    const label = sectionLabel(s);
    if (seen.has(label)) continue;
    seen.add(label);
    section.append(new Option(label, String(seen.size - 1)));
  }
  const unique = [...seen];
  const send = el('button', 'feedback-send', 'Send rating');
  send.type = 'submit';
  const status = el('span', 'feedback-status');
  status.setAttribute('role', 'status');
  form.append(comment, section, send);
  box.append(el('span', 'feedback-ask', 'Was this answer right?'), up, down, form, status);

  let thumbs = null;
  const choose = value => {
    thumbs = value;
    up.classList.toggle('chosen', value === 'up');
    down.classList.toggle('chosen', value === 'down');
    form.hidden = false;
    comment.focus();
  };
  up.addEventListener('click', () => choose('up'));
  down.addEventListener('click', () => choose('down'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = section.value === '' ? null
      : sources.find(s => sectionLabel(s) === unique[Number(section.value)]);
    const body = {
      question, history, answer: answer.answer, citations: answer.citations, answerer: answer.answerer, mode, thumbs,
      comment: comment.value.trim() || null,
      rightSection: chosen ? { notePath: chosen.notePath, headingPath: chosen.headingPath } : null,
    };
    send.disabled = true;
    const response = await fetch('/api/feedback', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    if (response.ok) {
      form.hidden = true;
      up.disabled = down.disabled = true;
      status.textContent = 'Thanks: rating saved.';
    } else {
      send.disabled = false;
      status.textContent = 'Not saved: ' + ((await response.json()).error || response.status);
    }
  });
  return box;
}

/** A table of token counts under "Show prompt": the four parts, each source against the embedder's limit. */
export function tokenTable(tokens) {
  if (!tokens) return [];
  const box = el('section', 'prompt-tokens');
  box.append(el('h4', '', 'Tokens'));
  const table = el('table', 'tokens-table');
  const head = el('tr');
  const llm = tokens.llm;
  for (const h of ['Part', tokens.embedding.tokenizer, ...(llm ? [llm.tokenizer] : [])]) head.append(el('th', '', h));
  table.append(head);
  for (const [label, key] of [['Instructions', 'instructions'], ['Context', 'context'], ['Input data', 'inputData'],
    ['Output indicator', 'outputIndicator'], ['Total (as sent)', 'total']]) {
    const row = el('tr');
    row.append(el('td', '', label), el('td', 'num', String(tokens.embedding[key])));
    if (llm) row.append(el('td', 'num', String(llm[key])));
    table.append(row);
  }
  for (const s of tokens.sources) {
    const row = el('tr', s.embedTokens > s.embedLimit ? 'over-limit' : '');
    row.append(el('td', '', `[${s.n}] ${s.note} (embedded: ${s.embedTokens} / ${s.embedLimit})`),
      el('td', 'num', String(s.promptTokens)));
    if (llm) row.append(el('td', 'num', String(s.llmTokens)));
    table.append(row);
  }
  box.append(table, el('p', 'tokens-note', tokens.llmNote));
  const budget = tokens.budget;
  if (budget) {
    box.append(el('p', 'tokens-budget', `Budget: ${budget.promptTokens} of ${budget.contextTokens - budget.answerTokens}`
      + ` tokens for the prompt (${budget.answerTokens} kept for the answer, counted with ${budget.tokenizer}).`));
    if (budget.leftOut.length) {
      const list = el('ul', 'left-out');
      for (const s of budget.leftOut) list.append(el('li', '', `${s.note} (${s.tokens} tokens, score ${s.score.toFixed(4)})`));
      box.append(el('p', 'tokens-budget', `Left out to fit: ${budget.leftOut.length} weakest sources`), list);
    }
  }
  return [box];
}

/** The "Ratings" dialog: GET /api/feedback/stats as counts, down-vote rates per note and mode, worst questions. */
export async function showRatings(dialog) {
  const response = await fetch('/api/feedback/stats');
  const stats = await response.json();
  const body = el('div', 'ratings-body');
  if (!response.ok) {
    body.append(el('p', 'error', stats.error || 'The ratings could not be read.'));
  } else {
    const percent = rate => (100 * rate).toFixed(1) + '%';
    body.append(el('p', 'ratings-total',
      `Ratings: ${stats.ratings} (${stats.up} up, ${stats.down} down; down-vote rate ${percent(stats.downRate)})`));
    for (const [title, groups] of [['By cited note', stats.byNote], ['By mode', stats.byMode]]) {
      const table = el('table', 'ratings-table');
      const head = el('tr');
      for (const h of [title, 'Ratings', 'Down']) head.append(el('th', '', h));
      table.append(head);
      for (const g of groups) {
        const row = el('tr');
        row.append(el('td', '', g.name), el('td', 'num', String(g.ratings)), el('td', 'num', percent(g.downRate)));
        table.append(row);
      }
      body.append(table);
    }
    if (stats.mostDownvoted.length) {
      body.append(el('h4', '', 'Downvoted most'));
      const list = el('ol', 'ratings-worst');
      for (const q of stats.mostDownvoted) {
        list.append(el('li', '', `${q.question} (${q.down} down, ${q.up} up)`
          + (q.comments.length ? ': ' + q.comments.join(' / ') : '')));
      }
      body.append(list);
    }
  }
  const close = el('button', 'link-button', 'Close');
  close.type = 'button';
  close.addEventListener('click', () => dialog.close());
  dialog.replaceChildren(el('h3', '', 'Ratings'), body, close);
  dialog.showModal();
}

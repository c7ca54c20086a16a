// The side panel: the cited chunk with the quoted passage marked, and a link to the note at its heading.
import { hasCjk } from './markdown.js';
import { el, notePageUrl } from './dom.js';

const $ = selector => document.querySelector(selector);

/** "line 30" for a one-line passage, "lines 30–34" otherwise. */
export function lineRange(start, end) {
  return start === end ? `line ${start}` : `lines ${start}–${end}`;
}

export function openSource(turn, n) {
  const citation = turn.citations.find(c => c.n === n);
  // By chunk: with an LLM's context budget a left-out source shifts the numbers after it.
  const source = turn.sources.find(s => (citation ? s.chunkId === citation.chunkId : s.rank === n));
  const where = citation || source;
  if (!where) return;
  $('#side-n').textContent = String(n);
  $('#side-title').textContent = [source ? source.noteTitle : where.notePath, ...where.headingPath].join(' › ');
  $('#side-where').textContent = `${where.notePath}, ${lineRange(where.startLine, where.endLine)}`;
  $('#side-passage').replaceChildren(...passage(source ? source.text : '', citation ? citation.snippet : ''));
  const warning = citation && citation.injectionWarning;
  $('#side-warning').textContent = warning ? 'Be wary of this passage: it ' + warning
    + '. It was treated as note text, not as an instruction.' : '';
  $('#side-warning').hidden = !warning;
  $('#side-open').href = notePageUrl(where);
  $('#side-panel').hidden = false;
  document.body.classList.add('panel-open');
}

export function closePanel() {
  $('#side-panel').hidden = true;
  document.body.classList.remove('panel-open');
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

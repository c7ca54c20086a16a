// A deliberately tiny Markdown renderer for answers. Safety comes from the order: the text is
// HTML-escaped first, and only then are our own few tags added, so nothing in an answer can become markup.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ESCAPES[c]);
}

/** Inline code first (its content is left alone), then bold, italic and citation chips [n]. */
function inline(escaped, chips) {
  return escaped.split(/(`[^`]+`)/).map(part => {
    if (part.length > 2 && part.startsWith('`') && part.endsWith('`')) {
      return '<code>' + part.slice(1, -1) + '</code>';
    }
    let html = part
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^*\w])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
      .replace(/(^|[^\w])_([^_\s][^_]*)_(?=$|[^\w])/g, '$1<em>$2</em>');
    if (chips) {
      html = html.replace(/\[(\d{1,2})\]/g,
        (m, n) => `<button type="button" class="chip" data-n="${n}" aria-label="Source ${n}">${n}</button>`);
    }
    return html;
  }).join('');
}

function list(lines, ordered, chips) {
  const tag = ordered ? 'ol' : 'ul';
  const marker = ordered ? /^\s*\d+[.)]\s+/ : /^\s*[-*+]\s+/;
  return `<${tag}>` + lines.map(l => '<li>' + inline(l.replace(marker, ''), chips) + '</li>').join('') + `</${tag}>`;
}

function block(lines, chips) {
  if (lines.every(l => /^\s*[-*+]\s+/.test(l))) {
    return list(lines, false, chips);
  }
  if (lines.every(l => /^\s*\d+[.)]\s+/.test(l))) {
    return list(lines, true, chips);
  }
  const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]);
  if (heading && lines.length === 1) {
    return '<h4>' + inline(heading[2], chips) + '</h4>';
  }
  return '<p>' + lines.map(l => inline(l, chips)).join('<br>') + '</p>';
}

/** Markdown text to HTML; with chips, markers such as [2] become buttons with data-n="2". */
export function renderMarkdown(text, { chips = true } = {}) {
  const out = [];
  let para = [];
  let code = null;
  const flush = () => {
    if (para.length) {
      out.push(block(para, chips));
      para = [];
    }
  };
  for (const raw of escapeHtml(text).split(/\r?\n/)) {
    if (/^\s*```/.test(raw)) {
      if (code === null) {
        flush();
        code = [];
      } else {
        out.push('<pre><code>' + code.join('\n') + '</code></pre>');
        code = null;
      }
    } else if (code !== null) {
      code.push(raw);
    } else if (raw.trim() === '') {
      flush();
    } else {
      para.push(raw);
    }
  }
  if (code !== null) {
    out.push('<pre><code>' + code.join('\n') + '</code></pre>');
  }
  flush();
  return out.join('');
}

/** True when the text holds CJK characters: such elements get lang="zh-Hant" so they use a CJK font. */
export function hasCjk(text) {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(text);
}

// Small DOM helpers shared by the chat page's modules.
import { hasCjk } from './markdown.js';

/** An element with text set as text (never parsed as HTML), marked Chinese when it is. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) {
    node.textContent = text;
    if (hasCjk(text)) node.lang = 'zh-Hant';
  }
  return node;
}

export function button(className, text, onClick, title) {
  const node = el('button', className, text);
  node.type = 'button';
  if (title) node.title = title;
  node.addEventListener('click', onClick);
  return node;
}

export function notePageUrl(source) {
  const path = source.notePath.split('/').map(encodeURIComponent).join('/');
  return '/notes/' + path + (source.anchor ? '#' + encodeURIComponent(source.anchor) : '');
}

// Conversations kept in the browser's localStorage, so a reload (or a closed tab) keeps them. Each turn keeps
// the finished answer as the server sent it (minus the prompt, which repeats the sources) to render it again.

const KEY = 'atn.conversations.v1';
const CURRENT = 'atn.current';

export function loadAll() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(list) ? list : [];
  } catch (e) {
    return [];
  }
}

export function currentId() {
  return localStorage.getItem(CURRENT);
}

export function setCurrent(id) {
  if (id) localStorage.setItem(CURRENT, id);
  else localStorage.removeItem(CURRENT);
}

export function newConversation() {
  return { id: Date.now().toString(36) + Math.random().toString(36).slice(2, 6), title: '', updated: Date.now(), turns: [] };
}

/** Saves one conversation (newest first); when the browser's quota is full the oldest ones are dropped. */
export function save(conversation) {
  conversation.updated = Date.now();
  const others = loadAll().filter(c => c.id !== conversation.id);
  let list = conversation.turns.length ? [conversation, ...others] : others;
  for (;;) {
    try {
      localStorage.setItem(KEY, JSON.stringify(list));
      return;
    } catch (e) {
      if (list.length <= 1) return;
      list = list.slice(0, -1);
    }
  }
}

export function remove(id) {
  localStorage.setItem(KEY, JSON.stringify(loadAll().filter(c => c.id !== id)));
  if (currentId() === id) setCurrent(null);
}

/** What a stored turn keeps of a finished answer. */
export function storedAnswer(answer) {
  const { prompt, ...rest } = answer;
  return rest;
}

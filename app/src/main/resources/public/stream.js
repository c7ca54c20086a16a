// GET /api/ask/stream read with fetch rather than EventSource: fetch can be aborted (Stop) and, unlike
// EventSource, shows the status and JSON body of a refused request, so the page can say what the server said.

/** Thrown with the message to show: the server's own {"error": ...} when there is one. */
export class AnswerError extends Error {}

/**
 * Streams one answer, calling handlers[eventName](data) for each server-sent event; resolves when the stream
 * ends, rejects with an AnswerError (or the AbortError when signal aborts).
 */
export async function streamAnswer(url, signal, handlers) {
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'text/event-stream' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new AnswerError(`The server at ${location.host} could not be reached; is it running? (${e.message})`);
  }
  if (!response.ok) throw new AnswerError(await errorMessage(response));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = parseEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (!event) continue;
        if (event.name === 'error') throw new AnswerError(event.data.error || 'The answer failed.');
        handlers[event.name]?.(event.data);
        if (event.name === 'done') finished = true;
      }
    }
  } catch (e) {
    if (e instanceof AnswerError || e.name === 'AbortError') throw e;
    throw new AnswerError(`The connection to the server broke off mid-answer (${e.message}).`);
  }
  if (!finished) throw new AnswerError('The server closed the stream before the answer was finished.');
}

async function errorMessage(response) {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text);
    if (body && body.error) return body.error;
  } catch (ignored) {
    // not JSON: a proxy's page, say; the status says enough
  }
  return `The server answered ${response.status} ${response.statusText}`.trim() + '.';
}

/** One "event: name\ndata: json" block; the server writes every event's data as one line of JSON. */
function parseEvent(block) {
  let name = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  return data.length ? { name, data: JSON.parse(data.join('\n')) } : null;
}

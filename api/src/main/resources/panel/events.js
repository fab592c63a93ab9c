// The live event stream (GET /api/events, server-sent events) read with fetch, because EventSource
// cannot send the bearer header and a token in a URL would end up in logs and history. Reconnects
// with back-off while the page is open; the page is told when the stream is live (so it re-reads
// its data once, missing nothing) and when it dropped (so it may fall back to slow polling).
import { endSession, openStream } from './api.js';

/**
 * How long after a call_ended event its CDR can be read: CDRs are written behind, in batches at
 * most 200 ms late (docs/calls.md), so pages re-read the call history this much later.
 */
export const CDR_SETTLE_MILLIS = 1000;

const FIRST_RETRY_MILLIS = 1000;
const LAST_RETRY_MILLIS = 30000;

/**
 * Starts listening: onEvent(event) for each event's parsed JSON, onLive() each time the stream is
 * (re)connected, onDropped(message) each time it is lost. Returns the function that stops it.
 */
export function liveEvents({ onEvent, onLive, onDropped }) {
  const abort = new AbortController();
  let retryMillis = FIRST_RETRY_MILLIS;
  let retryTimer = null;

  async function connect() {
    try {
      const response = await openStream('/api/events', abort.signal);
      retryMillis = FIRST_RETRY_MILLIS;
      onLive();
      await read(response.body.getReader());
      if (!abort.signal.aborted) {
        onDropped('The live connection was closed by the server.');
      }
    } catch (error) {
      if (abort.signal.aborted || error.status === 401) {
        return; // left the page, or the session is over (the login page is already showing)
      }
      onDropped(error.message);
    }
    if (!abort.signal.aborted) {
      retryTimer = setTimeout(connect, retryMillis);
      retryMillis = Math.min(retryMillis * 2, LAST_RETRY_MILLIS);
    }
  }

  async function read(reader) {
    const decoder = new TextDecoder();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffered += decoder.decode(value, { stream: true });
      let end = buffered.indexOf('\n\n');
      while (end !== -1) {
        dispatch(buffered.slice(0, end));
        buffered = buffered.slice(end + 2);
        end = buffered.indexOf('\n\n');
      }
    }
  }

  function dispatch(block) {
    let type = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) {
        type = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).trimStart());
      }
    }
    if (data.length === 0) {
      return; // a comment (heartbeat)
    }
    if (type === 'session_ended') {
      abort.abort();
      endSession('Your session has ended: the token expired or was revoked. Please log in again.');
      return;
    }
    let event;
    try {
      event = JSON.parse(data.join('\n'));
    } catch (error) {
      onDropped(`An event could not be read (${error.message}).`);
      return;
    }
    onEvent(event);
  }

  connect();
  return () => {
    abort.abort();
    clearTimeout(retryTimer);
  };
}

// The panel's only way to the server: the REST API with a bearer token. Every error the API
// reports becomes an ApiError carrying its status, code, message and field, for the page to show.
import { session } from './session.js';

export class ApiError extends Error {
  constructor(status, code, message, field, body) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
    this.body = body;
  }
}

let sessionEnded = () => {};

/** Registers what to do when the API says the token is no longer valid (401). */
export function onSessionEnded(handler) {
  sessionEnded = handler;
}

/** Forgets the token and returns to the login page with this message (the server ended the session). */
export function endSession(message) {
  session.clear();
  sessionEnded(message);
}

/**
 * Opens a streamed GET (the event stream) with the bearer header: resolves with the Response whose
 * body is still arriving, rejects with an ApiError like api() does (a 401 ends the session).
 */
export async function openStream(path, signal) {
  const token = session.token();
  const response = await send(path, {
    headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
    cache: 'no-store',
    credentials: 'omit',
    signal,
  });
  if (response.ok) {
    return response;
  }
  throw await failure(response, token);
}

/**
 * Fetches a file from the API with the bearer header (an <audio> or a link cannot send it):
 * resolves with its Blob, rejects with an ApiError like api() does.
 */
export async function fetchBlob(path) {
  const token = session.token();
  const response = await send(path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store', credentials: 'omit' });
  if (!response.ok) {
    throw await failure(response, token);
  }
  return response.blob();
}

/**
 * Downloads a file from the API with the bearer header (a plain link cannot send it) and hands it
 * to the browser as a download named {@code filename}.
 */
export async function download(path, filename) {
  const url = URL.createObjectURL(await fetchBlob(path));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the object URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Calls the API; a string body is sent as text/csv (bulk import), a File or Blob as itself with its
 * own type (a prompt's WAV file), anything else as JSON. Resolves with the parsed answer, rejects
 * with an ApiError.
 */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  const token = session.token();
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const init = { method, headers, cache: 'no-store', credentials: 'omit' };
  if (typeof body === 'string') {
    headers['Content-Type'] = 'text/csv; charset=utf-8';
    init.body = body;
  } else if (body instanceof Blob) {
    headers['Content-Type'] = body.type || 'application/octet-stream';
    init.body = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await send(path, init);
  if (response.status === 204) {
    return null;
  }
  if (response.ok) {
    return readJson(response);
  }
  throw await failure(response, token);
}

/** fetch(), with a network failure (or an aborted request) as an ApiError of status 0. */
async function send(path, init) {
  try {
    return await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'network', `The server could not be reached (${e.message}).`, null, null);
  }
}

/**
 * The ApiError for an answer that is not 2xx; a 401 also ends the session, unless the request was
 * sent with a token the panel has already let go of (an answer arriving after logout).
 */
async function failure(response, token) {
  const data = await readJson(response);
  const detail = data && data.error ? data.error : null;
  const message = detail
    ? detail.message + (detail.request_id ? ` (request id ${detail.request_id})` : '')
    : `The server answered ${response.status} ${response.statusText}.`;
  const error = new ApiError(response.status, detail ? detail.code : `http_${response.status}`,
    message, detail ? detail.field ?? null : null, data);
  if (response.status === 401 && token && token === session.token()) {
    endSession(`Your session has ended: ${message}. Please log in again.`);
  }
  return error;
}

async function readJson(response) {
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

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

/**
 * Calls the API; a string body is sent as text/csv (bulk import), anything else as JSON. Resolves
 * with the parsed answer, rejects with an ApiError.
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
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'network', `The server could not be reached (${e.message}).`, null, null);
  }
  if (response.status === 204) {
    return null;
  }
  const data = await readJson(response);
  if (response.ok) {
    return data;
  }
  const detail = data && data.error ? data.error : null;
  const message = detail
    ? detail.message + (detail.request_id ? ` (request id ${detail.request_id})` : '')
    : `The server answered ${response.status} ${response.statusText}.`;
  const error = new ApiError(response.status, detail ? detail.code : `http_${response.status}`,
    message, detail ? detail.field ?? null : null, data);
  if (response.status === 401 && token) {
    session.clear();
    sessionEnded(`Your session has ended: ${message}. Please log in again.`);
  }
  throw error;
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

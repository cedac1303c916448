// The operator API client: one fetch wrapper that adds the credentials, turns error answers into
// ApiError (with the API's message) and reports a 401 so the dashboard returns to its login.
import { authorization } from './auth.js';

const meta = document.querySelector('meta[name="durable-api"]');
const BASE = (meta ? meta.content : '/api/durable').replace(/\/+$/, '');

const REASONS = {
  400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict',
  413: 'Payload too large', 500: 'Internal error', 503: 'Unavailable',
};

/** An error answer of the API, or a failure to reach it (status 0). */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }

  /** "403 Forbidden: the message". */
  describe() {
    if (this.status === 0) return `The server did not answer: ${this.message}`;
    const reason = REASONS[this.status] || 'Error';
    return `${this.status} ${reason}: ${this.message}`;
  }
}

let unauthorizedHandler = () => {};

/** Registers what to do when the API answers 401 (back to the login). */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/**
 * Calls the API.
 * @param {string} path below the API base, e.g. "/runs?limit=50"
 * @param {{method?: string, body?: string, headers?: object}} [options]
 * @returns {Promise<any>} the parsed JSON answer
 */
export async function call(path, options = {}) {
  const auth = authorization();
  if (!auth) {
    unauthorizedHandler();
    throw new ApiError(401, 'Log in first');
  }
  const headers = { Accept: 'application/json', Authorization: auth, ...(options.headers || {}) };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    // credentials 'omit': no cookies and no browser login dialog; the explicit header authenticates
    response = await fetch(BASE + path, {
      method: options.method || 'GET', headers, body: options.body, credentials: 'omit', cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, e.message);
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (response.status === 401) {
    unauthorizedHandler();
    throw new ApiError(401, (data && data.error) || 'Log in again');
  }
  if (!response.ok) {
    throw new ApiError(response.status, (data && data.error) || response.statusText || 'no message');
  }
  return data;
}

/** Encodes one path segment (a run id, a signal name, an approval key). */
export function seg(value) {
  return encodeURIComponent(value);
}

/** A query string from an object, skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

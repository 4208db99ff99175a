// The HTTP API as the staff pages use it: same-origin fetch with the sign-in cookie, JSON in and
// out, and every failure turned into an ApiError carrying the problem document's fields, so pages
// can show "which field, what is wrong" without parsing text.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `Request failed (${status})`);
    this.status = status;
    this.type = problem.type || '';
    this.title = problem.title || '';
    this.detail = problem.detail || '';
    this.field = problem.field || null;
  }

  /** The part after urn:alcove:problem: ("invalid-field", "unauthorized", ...). */
  get code() {
    return this.type.replace('urn:alcove:problem:', '');
  }
}

/** Sends one request; resolves with the parsed JSON (or null for 204), rejects with ApiError. */
export async function request(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    // Status 0: the server could not be reached at all (offline, server down).
    throw new ApiError(0, { title: 'The server could not be reached' });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, json && typeof json === 'object' ? json : {});
  }
  return json;
}

export const api = {
  me: () => request('GET', '/api/auth/me'),
  login: (email, password) => request('POST', '/api/auth/login', { email, password }),
  logout: () => request('POST', '/api/auth/logout'),
  sessions: () => request('GET', '/api/sessions'),
  bookingLimits: () => request('GET', '/api/sessions/limits'),
  session: (id) => request('GET', `/api/sessions/${encodeURIComponent(id)}`),
  schedule: (booking) => request('POST', '/api/sessions', booking),
  cancel: (id) => request('DELETE', `/api/sessions/${encodeURIComponent(id)}`),
  reissue: (id, clientId) =>
    request('POST', `/api/sessions/${encodeURIComponent(id)}/clients/${encodeURIComponent(clientId)}/link`),
  users: () => request('GET', '/api/users'),
  createUser: (user) => request('POST', '/api/users', user),
};

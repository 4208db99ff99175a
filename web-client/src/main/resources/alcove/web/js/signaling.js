// The signalling socket: auth as the first message, messages mirroring the Java records in
// org.alcove.signaling.protocol (see docs/protocol.md), and a reconnect policy that decides
// from the close code alone whether to come back and when.

/** Client → server messages, one builder per ClientMessage record. */
export const ClientMessage = Object.freeze({
  auth: (token, resumeKey) => (resumeKey ? { type: 'auth', token, resumeKey } : { type: 'auth', token }),
  admit: (participantId) => ({ type: 'admit', participantId }),
  decline: (participantId) => ({ type: 'decline', participantId }),
  remove: (participantId) => ({ type: 'remove', participantId }),
  offer: (to, sdp) => ({ type: 'offer', to, sdp }),
  answer: (to, sdp) => ({ type: 'answer', to, sdp }),
  candidate: (to, c) => (c && c.candidate
    ? { type: 'candidate', to, candidate: c.candidate, sdpMid: c.sdpMid ?? undefined, sdpMLineIndex: c.sdpMLineIndex ?? undefined }
    : { type: 'candidate', to }),
  iceRestart: (to) => ({ type: 'ice-restart', to }),
  extend: (minutes) => ({ type: 'extend', minutes }),
  end: () => ({ type: 'end' }),
  leave: () => ({ type: 'leave' }),
  ping: () => ({ type: 'ping' }),
});

/** Close codes the server uses: a copy of CloseCode.java, name for name (a test compares them). */
export const CloseCode = Object.freeze({
  NORMAL: 1000, GOING_AWAY: 1001, POLICY_VIOLATION: 1008, MESSAGE_TOO_LARGE: 1009, SERVER_ERROR: 1011,
  AUTH_TIMEOUT: 4001, AUTH_FAILED: 4002, NOT_YET_OPEN: 4003, LINK_EXPIRED: 4004,
  SESSION_CANCELLED: 4005, LINK_REISSUED: 4006, REMOVED: 4007, DECLINED: 4008,
  SEAT_TAKEN: 4009, SESSION_ENDED: 4010, REPLACED: 4011, SLOW_CONSUMER: 4012,
  SESSION_FULL: 4013, RATE_LIMITED: 4014, AUTH_REQUIRED: 4015, ACCOUNT_DISABLED: 4016,
  TOO_MANY_ATTEMPTS: 4017,
});

/** Close codes no server sends: the browser reports them when a socket ends without a close frame. */
export const LocalCloseCode = Object.freeze({ NO_STATUS: 1005, ABNORMAL: 1006 });

// A dropped network, a restarting server or our own slowness heal by coming back; every other
// close is the server's final word and the page shows what happened instead.
const RETRYABLE = new Set([CloseCode.GOING_AWAY, LocalCloseCode.NO_STATUS, LocalCloseCode.ABNORMAL,
  CloseCode.SERVER_ERROR, CloseCode.SLOW_CONSUMER]);
const MAX_DELAY_MS = 10_000;

/** Milliseconds to wait before reconnect attempt number {@code attempt} (0-based), or null: do not. */
export function reconnectDelay(code, attempt) {
  if (!RETRYABLE.has(code)) {
    return null;
  }
  const base = Math.min(MAX_DELAY_MS, 500 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

// The browser notices a dead network late; our own pings make a silent socket visible.
const PING_EVERY_MS = 10_000;
const SILENT_LIMIT_MS = 25_000;

/**
 * One participant's socket across reconnects. {@code handlers.message(msg)} gets every server
 * message; {@code handlers.closed(code, delayOrNull, lastError)} is told about every close and
 * whether a reconnect follows; {@code handlers.resumeKey(key)} keeps the key for page reloads.
 */
export class Signaling {
  #url;
  #token;
  #resumeKey;
  #handlers;
  #socket = null;
  #attempt = 0;
  #stopped = false;
  #retryTimer = 0;
  #pingTimer = 0;
  #lastHeard = 0;
  #lastError = null;
  #pingSentAt = 0;
  #pingWaiter = null;

  constructor(token, resumeKey, handlers) {
    const url = new URL('/ws', location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.#url = url.href;
    this.#token = token;
    this.#resumeKey = resumeKey || null;
    this.#handlers = handlers;
  }

  connect() {
    clearTimeout(this.#retryTimer);
    this.#lastError = null;
    const socket = new WebSocket(this.#url);
    this.#socket = socket;
    socket.onopen = () => {
      this.#lastHeard = Date.now();
      socket.send(JSON.stringify(ClientMessage.auth(this.#token, this.#resumeKey)));
      this.#pingTimer = setInterval(() => this.#keepAlive(socket), PING_EVERY_MS);
    };
    socket.onmessage = (event) => this.#received(socket, event.data);
    socket.onclose = (event) => this.#closed(socket, event.code);
  }

  /** Sends one message; false when the socket is not open (the caller's state decides what then). */
  send(message) {
    if (this.#socket?.readyState !== WebSocket.OPEN) {
      return false;
    }
    this.#socket.send(JSON.stringify(message));
    return true;
  }

  /** Round trip of one application ping, in milliseconds (rejects if the socket is not open). */
  roundTrip() {
    return new Promise((resolve, reject) => {
      if (!this.send(ClientMessage.ping())) {
        reject(new Error('not connected'));
        return;
      }
      this.#pingSentAt = performance.now();
      this.#pingWaiter = resolve;
    });
  }

  get connected() {
    return this.#socket?.readyState === WebSocket.OPEN;
  }

  /** Leaves on purpose (no grace period); no reconnect follows. */
  leave() {
    this.send(ClientMessage.leave());
    this.#stop();
  }

  /** Closes without leaving (the seat is held for the grace period), e.g. on page unload. */
  close() {
    this.#stop();
    this.#socket?.close(1000);
  }

  #stop() {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    clearInterval(this.#pingTimer);
  }

  #received(socket, text) {
    if (socket !== this.#socket) {
      return;
    }
    this.#lastHeard = Date.now();
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    switch (message.type) {
      case 'welcome':
        this.#attempt = 0;
        this.#resumeKey = message.resumeKey;
        this.#handlers.resumeKey?.(message.resumeKey);
        break;
      case 'pong':
        if (this.#pingWaiter) {
          this.#pingWaiter(Math.round(performance.now() - this.#pingSentAt));
          this.#pingWaiter = null;
        }
        return;
      case 'error':
        this.#lastError = message;
        break;
      default:
        break;
    }
    this.#handlers.message(message);
  }

  #keepAlive(socket) {
    if (socket !== this.#socket || socket.readyState !== WebSocket.OPEN) {
      return;
    }
    if (Date.now() - this.#lastHeard > SILENT_LIMIT_MS) {
      // Treat a silent socket as a dropped one: forget it and come back on a new one.
      socket.onclose = null;
      socket.close();
      this.#closed(socket, LocalCloseCode.ABNORMAL);
      return;
    }
    socket.send(JSON.stringify(ClientMessage.ping()));
  }

  #closed(socket, code) {
    if (socket !== this.#socket) {
      return;
    }
    clearInterval(this.#pingTimer);
    const delay = this.#stopped ? null : reconnectDelay(code, this.#attempt);
    this.#attempt += 1;
    this.#handlers.closed(code, delay, this.#lastError);
    if (delay !== null) {
      this.#retryTimer = setTimeout(() => this.connect(), delay);
    }
  }

  /** Tries again now (e.g. when the session window opens); ignored once stopped. */
  retryNow() {
    if (!this.#stopped) {
      this.connect();
    }
  }
}

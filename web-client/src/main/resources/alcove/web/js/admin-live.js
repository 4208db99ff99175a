// The live view: every active or waiting session, pushed by the server over Server-Sent Events
// (GET /api/admin/live sends a full view on connect and on every change). Durations in an event
// are as of its arrival; a one-second ticker counts on from there with the browser's own clock,
// so a skewed clock cannot make a wait look longer or shorter. Metadata only: ids, roles,
// states, counts, times, quality numbers, and the therapist's account name.
import { endSession, removeParticipant, setUpActions } from './admin-actions.js';
import { el, length, when } from './admin-format.js';
import { request } from './api.js';

const LIVE_URL = '/api/admin/live';
const list = document.getElementById('live-sessions');
const empty = document.getElementById('live-empty');
const updated = document.getElementById('live-updated');
const reconnecting = document.getElementById('live-reconnecting');

const CONNECTION = { connected: 'In call', waiting: 'Waiting', reconnecting: 'Reconnecting' };
const STATE = { 'in-call': 'In call', waiting: 'Waiting' };

let source = null;
let receivedAt = 0;
let ticker = null;
let hooks = { showAttendance: () => {}, signedOut: () => {} };

/** Elements whose text counts up: their seconds at the event, and how to write them. */
function ticking(tag, seconds, write, className) {
  const node = el(tag, write(seconds), className);
  node.dataset.seconds = String(seconds);
  node.dataset.tick = write === waitingText ? 'waiting' : 'running';
  return node;
}

function waitingText(seconds) {
  return `waiting ${length(seconds)}`;
}

function runningText(seconds) {
  return length(seconds);
}

function tick() {
  const elapsed = (performance.now() - receivedAt) / 1000;
  for (const node of list.querySelectorAll('[data-tick]')) {
    const seconds = Number(node.dataset.seconds) + elapsed;
    node.textContent = node.dataset.tick === 'waiting' ? waitingText(seconds) : runningText(seconds);
  }
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function quality(reports, session) {
  if (!reports.length) {
    return el('span', 'no report', 'note');
  }
  const items = el('ul', null, 'quality');
  for (const q of reports) {
    const peer = session.participants.find((p) => p.participantId === q.peerId);
    const to = peer ? `${peer.role} ${q.peerId}` : q.peerId;
    items.append(el('li', `to ${to}: ${q.rttMs} ms round trip, ${Number(q.lossPercent).toFixed(1)}% loss, `
      + `${q.relayed ? 'relayed' : 'direct'}`));
  }
  return items;
}

function connection(p) {
  const text = CONNECTION[p.state] || p.state;
  const cell = el('span', text, `conn conn-${p.state}`);
  if (p.state === 'reconnecting' && p.droppedAt) {
    cell.textContent = `${text} (dropped ${when(p.droppedAt)})`;
  }
  return cell;
}

function button(text, label, key, onClick, className) {
  const b = el('button', text, className);
  b.type = 'button';
  b.setAttribute('aria-label', label);
  b.dataset.focusKey = key;
  b.addEventListener('click', onClick);
  return b;
}

function facts(pairs) {
  const dl = el('dl', null, 'facts');
  for (const [term, value] of pairs) {
    const dd = el('dd');
    dd.append(value instanceof Node ? value : document.createTextNode(value));
    dl.append(el('dt', term), dd);
  }
  return dl;
}

function participantsTable(session) {
  const table = el('table', null, 'grid');
  table.append(el('caption', 'Participants'));
  const head = el('tr');
  for (const title of ['Participant', 'Role', 'Connection', 'Reconnects', 'Quality', 'Action']) {
    const th = el('th', title);
    th.scope = 'col';
    head.append(th);
  }
  table.append(el('thead'));
  table.tHead.append(head);
  const body = el('tbody');
  for (const p of session.participants) {
    const tr = el('tr');
    tr.dataset.participantId = p.participantId;
    const state = el('td');
    state.append(connection(p));
    if (p.state === 'waiting') {
      const since = session.waiting.find((w) => w.participantId === p.participantId);
      state.append(' ', ticking('span', since ? since.waitingSeconds : 0, waitingText, 'waited'));
    }
    const action = el('td');
    if (p.role === 'client') {
      action.append(button('Remove', `Remove participant ${p.participantId}`, `remove:${p.participantId}`,
        () => removeParticipant(session, p)));
    }
    const q = el('td');
    q.append(quality(p.quality || [], session));
    tr.append(el('td', p.participantId, 'id'), el('td', p.role === 'therapist' ? 'Therapist' : 'Client'),
      state, el('td', String(p.reconnects)), q, action);
    body.append(tr);
  }
  table.append(body);
  // A narrow screen scrolls the table sideways; the region is focusable so a keyboard can too.
  const wrap = el('div', null, 'table-wrap');
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', `Participants of session ${session.sessionId}`);
  wrap.tabIndex = 0;
  wrap.append(table);
  return wrap;
}

function card(session) {
  const article = el('article', null, 'card live-session');
  article.dataset.sessionId = session.sessionId;
  article.setAttribute('aria-label', `Session ${session.sessionId}`);
  const head = el('div', null, 'session-head');
  head.append(el('h3', session.therapistName || 'Unknown therapist', 'therapist'),
    el('span', STATE[session.state] || session.state, `state state-${session.state === 'in-call' ? 'in-progress' : 'waiting'}`));
  const waiting = session.waiting.length
    ? el('ul', null, 'waiting-list')
    : el('span', 'nobody');
  for (const w of session.waiting) {
    const li = el('li');
    li.append(el('span', w.participantId, 'id'), ' ', ticking('span', w.waitingSeconds, waitingText, 'waited'));
    waiting.append(li);
  }
  article.append(head, facts([
    ['Session', el('span', session.sessionId, 'id')],
    ['Booked', `${when(session.startsAt)} – ${when(session.endsAt)}`],
    ['Running for', ticking('span', session.durationSeconds, runningText, 'running')],
    ['In call', `${plural(session.inCall.therapist, 'therapist')}, ${plural(session.inCall.client, 'client')}`],
    ['Waiting', waiting],
  ]), participantsTable(session));
  const actions = el('div', null, 'actions');
  actions.append(
    button('End session', `End session ${session.sessionId}`, `end:${session.sessionId}`, () => endSession(session), 'danger'),
    button('Attendance', `Attendance for session ${session.sessionId}`, `attendance:${session.sessionId}`,
      () => hooks.showAttendance(session.sessionId)));
  article.append(actions);
  return article;
}

function render(view) {
  receivedAt = performance.now();
  // A new view replaces the cards; keep the keyboard where it was if that control still exists.
  const focusKey = document.activeElement && document.activeElement.dataset
    ? document.activeElement.dataset.focusKey : undefined;
  list.replaceChildren(...view.sessions.map(card));
  empty.hidden = view.sessions.length > 0;
  updated.textContent = `Updated ${when(view.at)}`;
  if (focusKey) {
    const again = [...list.querySelectorAll('[data-focus-key]')].find((b) => b.dataset.focusKey === focusKey);
    if (again) {
      again.focus();
    }
  }
}

function connect() {
  source = new EventSource(LIVE_URL);
  source.addEventListener('sessions', (event) => {
    reconnecting.hidden = true;
    render(JSON.parse(event.data));
  });
  source.addEventListener('open', () => {
    reconnecting.hidden = true;
  });
  source.addEventListener('error', async () => {
    reconnecting.hidden = false;
    if (source.readyState !== EventSource.CLOSED) {
      return; // the browser retries by itself
    }
    // Closed for good (an error status, e.g. signed out): find out why, else start over.
    try {
      await request('GET', '/api/auth/me');
    } catch (failure) {
      if (failure.status === 401) {
        hooks.signedOut();
        return;
      }
    }
    window.setTimeout(connect, 3000);
  });
}

/** Starts the live view; {@code showAttendance(sessionId)} and {@code signedOut()} are the page's. */
export function startLive(pageHooks) {
  hooks = pageHooks;
  setUpActions(pageHooks.signedOut);
  connect();
  ticker = window.setInterval(tick, 1000);
}

export function stopLive() {
  window.clearInterval(ticker);
  if (source) {
    source.close();
  }
}

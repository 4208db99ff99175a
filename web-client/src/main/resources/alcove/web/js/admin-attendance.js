// Attendance for one session: who was present from when to when, their total, the gaps and
// why they ended, and the time every booked participant was there together. Names here are the
// booked names (staff only) and are inserted as text.
import { el, length, problemText, row, when } from './admin-format.js';
import { request } from './api.js';

const REASONS = {
  left: 'left',
  'connection-lost': 'connection lost',
  removed: 'removed',
  'link-revoked': 'link reissued',
  'session-ended': 'session ended',
};

const form = document.getElementById('attendance-form');
const input = document.getElementById('attendance-session');
const error = document.getElementById('attendance-error');
const output = document.getElementById('attendance-result');
const summary = document.getElementById('attendance-summary');
const tbody = document.querySelector('#attendance-table tbody');

let signedOut = () => {};

function reason(code) {
  return code ? REASONS[code] || code : '';
}

function intervals(list, describe) {
  if (!list.length) {
    return el('span', '—');
  }
  const ul = el('ul', null, 'intervals');
  for (const span of list) {
    ul.append(el('li', describe(span)));
  }
  return ul;
}

function show(attendance) {
  const together = attendance.together.map((t) => `${when(t.from)}–${t.to ? when(t.to) : 'now'}`).join(', ');
  summary.textContent = attendance.togetherSeconds > 0
    ? `Everyone booked was together for ${length(attendance.togetherSeconds)} (${together}).`
    : 'The booked participants were never all present at once.';
  tbody.replaceChildren(...attendance.participants.map((p) => {
    const tr = row([
      p.name,
      p.role === 'therapist' ? 'Therapist' : 'Client',
      intervals(p.present, (s) => `${when(s.from)}–${s.to ? when(s.to) : 'still present'}`
        + (s.endedBy ? ` (${reason(s.endedBy)})` : '')),
      length(p.presentSeconds),
      intervals(p.gaps, (g) => `${when(g.from)}–${when(g.to)} (${reason(g.reason)})`),
      p.present.length ? reason(p.leaveReason) || 'still present' : 'never present',
    ]);
    tr.dataset.participantId = p.participantId;
    return tr;
  }));
  output.hidden = false;
}

async function load() {
  error.textContent = '';
  const id = input.value.trim();
  if (!id) {
    error.textContent = 'Enter a session id.';
    input.focus();
    return;
  }
  try {
    show(await request('GET', `/api/sessions/${encodeURIComponent(id)}/attendance`));
  } catch (failure) {
    if (failure.status === 401) {
      signedOut();
      return;
    }
    output.hidden = true;
    error.textContent = failure.status === 404
      ? 'No session with this id.'
      : problemText(failure, 'Attendance could not be loaded.');
  }
}

/** Shows the attendance of a session picked elsewhere (the live view). */
export function showAttendanceFor(sessionId) {
  input.value = sessionId;
  document.getElementById('attendance').scrollIntoView();
  input.focus();
  return load();
}

export function startAttendance(onSignedOut) {
  signedOut = onSignedOut;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
}

// The staff dashboard. Therapists see and schedule their own sessions; admins see every session
// (read-only) and a link to the admin console, where accounts are managed. The list is polled every few seconds while the page is
// visible, which is also how a waiting client is noticed.
import { api, request } from './api.js';
import { setUpScheduleForm } from './schedule-form.js';
import { showSessions } from './session-list.js';
import { timeOf } from './session-card.js';
import { setUpWaitingNotice, showWaiting } from './waiting-notice.js';

const POLL_MS = 5000;
const main = document.getElementById('dashboard');
const who = document.getElementById('who');
const signOut = document.getElementById('sign-out');
const pageError = document.getElementById('page-error');
const therapistTools = document.getElementById('therapist-tools');

let me = null;
let therapistNames = new Map();
let timer = null;
let refreshing = null;
let again = false;

function toSignIn() {
  window.location.replace('/');
}

async function refresh() {
  // One read at a time, so a slow answer cannot overwrite a newer one; a refresh asked for
  // meanwhile (after a cancel, say) runs once the current read is done.
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    try {
      const sessions = await api.sessions();
      pageError.textContent = '';
      showSessions(sessions, {
        owner: (s) => s.therapistId === me.id,
        therapistName: (s) => (me.role === 'admin' ? therapistNames.get(s.therapistId) || 'Unknown' : null),
        changed: refresh,
      });
      if (me.role === 'therapist') {
        showWaiting(sessions
          .filter((s) => s.status === 'scheduled' && s.live && s.live.waiting > 0)
          .map((s) => ({ time: timeOf(s.startsAt), count: s.live.waiting })));
      }
    } catch (failure) {
      if (failure.status === 401) {
        toSignIn();
        return;
      }
      pageError.textContent = failure.status === 0
        ? 'The server could not be reached; retrying.'
        : 'Sessions could not be loaded; retrying.';
    } finally {
      refreshing = null;
    }
    if (again) {
      again = false;
      await refresh();
    }
  })();
  return refreshing;
}

function schedulePolling() {
  window.clearInterval(timer);
  timer = null;
  if (document.visibilityState === 'visible') {
    refresh();
    timer = window.setInterval(refresh, POLL_MS);
  }
}

signOut.addEventListener('click', async () => {
  signOut.disabled = true;
  window.clearInterval(timer);
  try {
    await api.logout();
  } catch {
    // Signing out must always leave the page; the cookie is also dropped when it expires.
  }
  toSignIn();
});

async function start() {
  let limits = null;
  try {
    me = await api.me();
    if (me.role === 'therapist') {
      limits = await api.bookingLimits();
    }
  } catch (failure) {
    if (failure.status === 401) {
      toSignIn();
      return;
    }
    main.hidden = false;
    pageError.textContent = 'The dashboard could not be loaded. Reload the page to try again.';
    return;
  }
  who.textContent = `${me.name} (${me.role === 'admin' ? 'admin' : 'therapist'})`;
  document.title = `${me.role === 'admin' ? 'Practice' : 'Your sessions'} · Alcove`;
  if (me.role === 'therapist') {
    therapistTools.hidden = false;
    setUpWaitingNotice();
    setUpScheduleForm(limits, () => refresh());
  } else {
    // Accounts are managed in the admin console; here they only name each session's therapist.
    document.getElementById('admin-link').hidden = false;
    try {
      const users = await request('GET', '/api/users');
      therapistNames = new Map(users.map((u) => [u.id, u.name]));
    } catch {
      pageError.textContent = 'Accounts could not be loaded.';
    }
  }
  main.hidden = false;
  document.addEventListener('visibilitychange', schedulePolling);
  schedulePolling();
}

start();

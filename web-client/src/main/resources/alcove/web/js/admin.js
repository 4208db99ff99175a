// The admin console: only for a signed-in admin (anyone else goes to the sign-in page or the
// dashboard). It wires the live view, accounts, audit trail and attendance sections together.
import { startAccounts } from './admin-accounts.js';
import { startAttendance, showAttendanceFor } from './admin-attendance.js';
import { startAudit } from './admin-audit.js';
import { startLive, stopLive } from './admin-live.js';
import { api } from './api.js';

const main = document.getElementById('console');
const who = document.getElementById('who');
const signOut = document.getElementById('sign-out');
const pageError = document.getElementById('page-error');

function toSignIn() {
  stopLive();
  window.location.replace('/');
}

signOut.addEventListener('click', async () => {
  signOut.disabled = true;
  stopLive();
  try {
    await api.logout();
  } catch {
    // Signing out must always leave the page; the cookie also expires by itself.
  }
  toSignIn();
});

async function start() {
  let me;
  try {
    me = await api.me();
  } catch (failure) {
    if (failure.status === 401) {
      toSignIn();
      return;
    }
    main.hidden = false;
    pageError.textContent = 'The console could not be loaded. Reload the page to try again.';
    return;
  }
  if (me.role !== 'admin') {
    window.location.replace('/dashboard.html');
    return;
  }
  who.textContent = `${me.name} (admin)`;
  main.hidden = false;
  startLive({ showAttendance: showAttendanceFor, signedOut: toSignIn });
  startAudit(toSignIn);
  startAttendance(toSignIn);
  await startAccounts(me, toSignIn);
}

start();

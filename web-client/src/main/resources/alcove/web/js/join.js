// The page a join link opens (/join#<token>), for clients and the therapist: takes the token
// out of the address bar, connects, and moves through check → waiting room → call → end.

import { Signaling, CloseCode } from './signaling.js';
import { DeviceCheck } from './check.js';
import { Call } from './call.js';
import { openMedia } from './media.js';
import * as notices from './notices.js';
import { showOnly, showNotice } from './ui.js';

const waitingTime = document.getElementById('waiting-time');
const waitingStatus = document.getElementById('waiting-status');
const waitingLeave = document.getElementById('waiting-leave');

// Survives a reload of this tab only: the link's token (gone from the address bar), the seat's
// resume key, whether the person was in the call, and their device choice.
const STORE = 'alcove.join';

const Phase = Object.freeze({ CONNECTING: 'connecting', CHECK: 'check', WAITING: 'waiting', CALL: 'call', OVER: 'over' });

let phase = Phase.CONNECTING;
let welcome = null;
let check = null;
let call = null;
let held = [];
let openTimer = 0;
let warnedFor = null;
let adminReason = null;
const saved = loadSaved();
let signaling = null;

function loadSaved() {
  let stored = null;
  try {
    stored = JSON.parse(sessionStorage.getItem(STORE) || 'null');
  } catch {
    stored = null;
  }
  const fromLink = decodeURIComponent(location.hash.slice(1)).trim();
  if (location.hash) {
    // The token is a credential: keep it out of history, bookmarks and screenshots.
    history.replaceState(null, '', location.pathname);
  }
  if (fromLink && stored?.token !== fromLink) {
    stored = { token: fromLink };
  }
  return stored?.token ? stored : null;
}

function save() {
  sessionStorage.setItem(STORE, JSON.stringify(saved));
}

function forget() {
  saved.joined = false;
  save();
}

function start() {
  if (!saved) {
    showNotice(notices.MISSING_LINK);
    phase = Phase.OVER;
    return;
  }
  save();
  signaling = new Signaling(saved.token, saved.resumeKey, {
    message: onMessage,
    closed: onClosed,
    resumeKey: (key) => {
      saved.resumeKey = key;
      save();
    },
  });
  signaling.connect();
  waitingLeave.addEventListener('click', leave);
  window.addEventListener('pagehide', () => signaling.close());
}

function onMessage(message) {
  switch (message.type) {
    case 'welcome':
      return welcomed(message);
    case 'session-warning':
      // Sent once: someone still on the device check sees it when they enter the call.
      warnedFor = message.endsAt;
      return call?.timing(message.endsAt, message.minutesLeft);
    case 'session-extended':
      welcome.endsAt = message.endsAt;
      warnedFor = null;
      return call?.timing(message.endsAt, 0);
    case 'session-ended':
      return finish(notices.forEnd(message.reason, welcome?.role, adminReason));
    case 'admin-action':
      if (message.action === 'ended') {
        adminReason = message.reason;
      }
      return call?.adminAction(message);
    case 'server-shutdown':
      // The socket closes with 1001 next and signaling.js reconnects by itself.
      return call?.announce('The server is restarting. You will be reconnected in a moment.');
    case 'error':
      // Fatal ones are followed by a close, which decides what the page shows.
      console.warn(`server refused a message: ${message.code}`);
      return;
    case 'pong':
      return;
    default:
      return callMessage(message);
  }
}

function welcomed(message) {
  const first = welcome === null;
  const wasInCall = call !== null;
  welcome = message;
  if (phase === Phase.CONNECTING) {
    if (message.resumed && message.state === 'admitted' && saved.joined) {
      // A reload during the call: straight back in, with the devices chosen before.
      rejoinCall();
    } else {
      phase = Phase.CHECK;
      check = new DeviceCheck({ signaling, welcome, choice: saved.devices, onJoin: joined });
      showOnly('check');
    }
    return;
  }
  if (!first && message.state === 'waiting' && wasInCall) {
    // The seat ran out while we were away: we are a new arrival in the waiting room.
    call.teardown();
    call = null;
    held = [];
    enterWaiting();
    return;
  }
  check?.connectionChanged();
  call?.reconnected();
  waitingStatus.textContent = '';
}

function callMessage(message) {
  if (call) {
    call.handle(message);
    return;
  }
  held.push(message);
  if (phase === Phase.WAITING && message.type === 'roster') {
    enterCall(pendingLocal);
  }
}

let pendingLocal = null;

function joined(local) {
  check = null;
  saved.devices = { cameraId: local.cameraId, microphoneId: local.microphoneId, speakerId: local.speakerId };
  save();
  const admitted = welcome.state === 'admitted' || held.some((m) => m.type === 'roster');
  if (admitted) {
    enterCall(local);
  } else {
    pendingLocal = local;
    enterWaiting();
  }
}

function enterWaiting() {
  phase = Phase.WAITING;
  waitingTime.textContent = `Your session is from ${notices.clock(welcome.startsAt)} to ${notices.clock(welcome.endsAt)}.`;
  showOnly('waiting');
}

async function rejoinCall() {
  const choice = saved.devices || {};
  const { stream } = await openMedia({
    cameraId: choice.cameraId, microphoneId: choice.microphoneId,
    camera: choice.cameraId !== 'off', microphone: choice.microphoneId !== 'off',
  });
  enterCall({ stream, ...choice });
}

function enterCall(local) {
  if (!local) {
    return;
  }
  phase = Phase.CALL;
  pendingLocal = null;
  saved.joined = true;
  save();
  showOnly('call');
  call = new Call({ welcome, signaling, local, onLeave: leave, onError: negotiationFailed });
  const replay = held;
  held = [];
  replay.forEach((message) => call.handle(message));
  if (warnedFor) {
    const minutesLeft = Math.max(1, Math.ceil((new Date(warnedFor).getTime() - Date.now()) / 60_000));
    call.timing(warnedFor, minutesLeft);
  }
}

// The call goes on (the other side's next offer or an ICE restart may still heal the link), so
// nothing changes on screen; but the error is reported the way an uncaught one is (the console,
// the window's error event, which the browser tests fail on) instead of being logged and lost.
function negotiationFailed(error) {
  reportError(error);
}

function onClosed(code, delay, lastError) {
  if (phase === Phase.OVER) {
    return;
  }
  if (delay !== null) {
    call?.disconnected();
    check?.connectionChanged();
    waitingStatus.textContent = 'Connection lost. Reconnecting…';
    return;
  }
  if (code === CloseCode.NOT_YET_OPEN && lastError?.startsAt) {
    tooEarly(lastError.startsAt, lastError.opensAt, lastError.therapistName);
    return;
  }
  finish(notices.forClose(code));
}

function tooEarly(startsAt, opensAt, therapistName) {
  check?.teardown();
  check = null;
  showNotice(notices.tooEarly(startsAt, opensAt, therapistName));
  // Ask again when the server says the window opens (and every minute, in case this device's
  // clock is off), with no button to press.
  const opensIn = new Date(opensAt).getTime() - Date.now();
  clearTimeout(openTimer);
  openTimer = setTimeout(() => signaling.retryNow(), Math.min(60_000, Math.max(2_000, opensIn + 1_000)));
  phase = Phase.CONNECTING;
}

function leave() {
  signaling.leave();
  forget();
  finish(notices.LEFT, { label: 'Rejoin', action: () => location.reload() });
}

function finish(notice, action) {
  phase = Phase.OVER;
  clearTimeout(openTimer);
  check?.teardown();
  check = null;
  call?.teardown();
  call = null;
  if (notice !== notices.LEFT) {
    forget();
  }
  showNotice(notice, action);
}

start();

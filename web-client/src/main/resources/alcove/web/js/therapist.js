// The therapist's controls in the call: the waiting room (names, "Admit", "Decline", a
// visible and optionally audible notice), "Extend" and "End session".

import { ClientMessage } from './signaling.js';
import { playTone } from './media.js';

const panel = document.getElementById('waiting-panel');
const notice = document.getElementById('waiting-notice');
const list = document.getElementById('waiting-list');
const sound = document.getElementById('waiting-sound');
const extend5 = document.getElementById('ctl-extend-5');
const extend10 = document.getElementById('ctl-extend-10');
const endButton = document.getElementById('ctl-end');
const endDialog = document.getElementById('end-dialog');
const removeDialog = document.getElementById('remove-dialog');
const removeTitle = document.getElementById('remove-dialog-title');

const BASE_TITLE = document.title;

export class TherapistControls {
  #send;
  #sinkId;
  #known = new Set();
  #listeners = [];
  #removing = null;

  constructor(send, sinkId) {
    this.#send = send;
    this.#sinkId = sinkId;
    panel.hidden = false;
    for (const button of [extend5, extend10, endButton]) {
      button.hidden = false;
    }
    this.#on(extend5, 'click', () => this.#send(ClientMessage.extend(5)));
    this.#on(extend10, 'click', () => this.#send(ClientMessage.extend(10)));
    this.#on(endButton, 'click', () => {
      // Escape closes without a value; never reuse an earlier choice.
      endDialog.returnValue = '';
      endDialog.showModal();
    });
    this.#on(endDialog, 'close', () => {
      if (endDialog.returnValue === 'end') {
        this.#send(ClientMessage.end());
      }
    });
    this.#on(removeDialog, 'close', () => {
      if (removeDialog.returnValue === 'remove' && this.#removing) {
        this.#send(ClientMessage.remove(this.#removing));
      }
      this.#removing = null;
    });
  }

  #on(target, type, listener) {
    target.addEventListener(type, listener);
    this.#listeners.push(() => target.removeEventListener(type, listener));
  }

  /** Renders a waiting-list message; a new arrival gets the notice (and the sound if wanted). */
  waiting(entries) {
    list.replaceChildren(...entries.map((entry) => this.#row(entry)));
    const arrived = entries.some((entry) => !this.#known.has(entry.participantId));
    this.#known = new Set(entries.map((entry) => entry.participantId));
    if (entries.length === 0) {
      notice.textContent = 'Nobody is waiting.';
      panel.classList.remove('attention');
      document.title = BASE_TITLE;
      return;
    }
    const names = entries.map((entry) => entry.name).join(', ');
    notice.textContent = entries.length === 1 ? `${names} is waiting to join.` : `${entries.length} people are waiting: ${names}.`;
    panel.classList.add('attention');
    document.title = `(${entries.length} waiting) ${BASE_TITLE}`;
    if (arrived && sound.checked) {
      playTone(this.#sinkId, 880, 0.25);
    }
  }

  #row({ participantId, name, since }) {
    const item = document.createElement('li');
    const label = document.createElement('span');
    const minutes = Math.max(0, Math.floor((Date.now() - new Date(since).getTime()) / 60000));
    label.textContent = minutes > 0 ? `${name} · waiting ${minutes} min` : name;
    const admit = document.createElement('button');
    admit.type = 'button';
    admit.textContent = 'Admit';
    admit.setAttribute('aria-label', `Admit ${name}`);
    const decline = document.createElement('button');
    decline.type = 'button';
    decline.className = 'secondary';
    decline.textContent = 'Decline';
    decline.setAttribute('aria-label', `Decline ${name}`);
    admit.addEventListener('click', () => {
      admit.disabled = true;
      decline.disabled = true;
      this.#send(ClientMessage.admit(participantId));
    });
    decline.addEventListener('click', () => {
      admit.disabled = true;
      decline.disabled = true;
      this.#send(ClientMessage.decline(participantId));
    });
    item.append(label, admit, decline);
    return item;
  }

  /** Removes a client for good, after the therapist confirms it. */
  remove(participantId, name) {
    this.#removing = participantId;
    removeTitle.textContent = `Remove ${name} from the session?`;
    removeDialog.returnValue = '';
    removeDialog.showModal();
  }

  teardown() {
    this.#listeners.forEach((off) => off());
    this.#listeners = [];
    list.replaceChildren();
    document.title = BASE_TITLE;
  }
}

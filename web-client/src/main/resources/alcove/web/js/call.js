// The call: who is in it, the grid, chat, the timer and "Leave"; the connections to the others
// live in peer-links.js, own media controls in own-media.js, the therapist's in therapist.js.
// join.js feeds it server messages.

import { PeerLinks } from './peer-links.js';
import { Tiles } from './tiles.js';
import { Chat } from './chat.js';
import { TherapistControls } from './therapist.js';
import { OwnMedia } from './own-media.js';
import { clock } from './notices.js';

const screen = document.getElementById('call');
const grid = document.getElementById('grid');
const timer = document.getElementById('call-timer');
const status = document.getElementById('call-status');
const chatLog = document.getElementById('chat-log');
const chatForm = document.getElementById('chat-form');
const chatInput = document.getElementById('chat-input');
const chatSend = document.getElementById('chat-send');
const allowShareLabel = document.getElementById('ctl-allow-share-label');
const allowShare = document.getElementById('ctl-allow-share');
const leaveButton = document.getElementById('ctl-leave');

const STATS_EVERY_MS = 2000;

export class Call {
  #role;
  #signaling;
  #own;
  #endsAt;
  #links;
  #tiles = new Tiles(grid);
  #chat;
  #therapist = null;
  #timers = [];
  #listeners = [];
  #onLeave;

  /**
   * {@code local}: {stream, cameraId, microphoneId, speakerId}; {@code onLeave()} after "Leave";
   * {@code onError(error)} when a negotiation with someone fails (the call goes on).
   */
  constructor({ welcome, signaling, local, onLeave, onError }) {
    this.#role = welcome.role;
    this.#signaling = signaling;
    this.#endsAt = new Date(welcome.endsAt);
    this.#onLeave = onLeave;
    this.#chat = new Chat({
      chat: (from, text) => this.#chatLine(this.#tiles.nameOf(from) || 'Someone', text),
      screenShare: (from, allowed) => this.#screenShareAllowed(from, allowed),
      opened: (peerId) => {
        if (this.#role === 'therapist') {
          this.#chat.allowScreenShare(allowShare.checked, peerId);
        }
      },
    });
    const therapist = this.#role === 'therapist';
    this.#own = new OwnMedia(local, {
      setVideo: (track) => this.#setVideo(track),
      say: (text) => this.#say(text),
      mayShare: therapist,
    });
    this.#links = new PeerLinks({
      send: (m) => this.#signaling.send(m), media: this.#own, tiles: this.#tiles, chat: this.#chat, onError,
    });
    if (therapist) {
      this.#therapist = new TherapistControls((m) => this.#signaling.send(m), local.speakerId);
      allowShareLabel.hidden = false;
    }
    this.#tiles.speaker(local.speakerId);
    this.#controls();
    this.#timers.push(setInterval(() => this.#tick(), 1000), setInterval(() => this.#links.measure(), STATS_EVERY_MS));
    this.#tick();
    screen.hidden = false;
  }

  #on(target, type, listener) {
    target.addEventListener(type, listener);
    this.#listeners.push(() => target.removeEventListener(type, listener));
  }

  #controls() {
    this.#on(allowShare, 'change', () => this.#chat.allowScreenShare(allowShare.checked));
    this.#on(leaveButton, 'click', () => this.#onLeave());
    this.#on(chatForm, 'submit', (event) => {
      event.preventDefault();
      const text = chatInput.value.trim();
      if (!text) {
        return;
      }
      const sent = this.#chat.say(text);
      this.#chatLine('You', text, sent === 0 ? 'not delivered: nobody is connected' : '');
      chatInput.value = '';
    });
    this.#on(chatInput, 'input', () => {
      chatSend.disabled = chatInput.value.trim() === '';
    });
    chatSend.disabled = true;
  }

  /**
   * Every call-related server message, in arrival order. What one peer relays (descriptions,
   * candidates, ICE restarts) is applied one message at a time: the returned promise settles
   * when this message has been.
   */
  async handle(message) {
    switch (message.type) {
      case 'roster':
        // Our own ICE servers and TURN credentials come with the roster, never while waiting.
        this.#links.ice = { iceServers: message.iceServers, iceTransportPolicy: message.iceTransportPolicy };
        this.#roster(message.participants);
        break;
      case 'peer-joined':
        this.#links.drop(message.peer.participantId);
        this.#addPeer(message.peer);
        break;
      case 'peer-left':
        this.#say(`${this.#tiles.nameOf(message.participantId) || 'Someone'} left the session.`);
        this.#links.drop(message.participantId);
        this.#tiles.remove(message.participantId);
        this.#own.adapt(this.#tiles.size);
        break;
      case 'peer-reconnecting':
        this.#tiles.reconnecting(message.participantId, true);
        break;
      case 'peer-reconnected':
        this.#tiles.reconnecting(message.participantId, false);
        this.#links.peerReconnected(message.participantId);
        break;
      case 'offer':
      case 'answer':
      case 'candidate':
      case 'ice-restart':
        await this.#links.relayed(message);
        break;
      case 'waiting-list':
        this.#therapist?.waiting(message.waiting);
        break;
      default:
        break;
    }
  }

  #roster(peers) {
    const present = new Set(peers.map((p) => p.participantId));
    for (const id of this.#links.ids()) {
      if (!present.has(id)) {
        this.#links.drop(id);
        this.#tiles.remove(id);
      }
    }
    for (const peer of peers) {
      if (this.#links.has(peer.participantId)) {
        this.#links.ownSocketBack(peer.participantId);
      } else {
        this.#addPeer(peer);
      }
      this.#tiles.reconnecting(peer.participantId, peer.reconnecting);
    }
  }

  #addPeer(peer) {
    this.#tiles.add(peer.participantId, peer.name, peer.role,
      this.#role === 'therapist' && peer.role === 'client'
        ? (id, name) => this.#therapist.remove(id, name) : null);
    this.#tiles.reconnecting(peer.participantId, peer.reconnecting);
    this.#peerRoles.set(peer.participantId, peer.role);
    this.#links.connect(peer.participantId, peer.polite);
    this.#own.adapt(this.#tiles.size);
  }

  #peerRoles = new Map();

  /** Our socket dropped; the seat is held while signaling.js reconnects. */
  disconnected() {
    this.#say('Connection lost. Reconnecting…');
  }

  reconnected() {
    this.#say('');
  }

  timing(endsAt, warning) {
    this.#endsAt = new Date(endsAt);
    if (warning) {
      timer.classList.add('warning');
      this.#say(`The session ends in ${warning} minutes, at ${clock(this.#endsAt)}.`);
    } else {
      timer.classList.remove('warning');
      this.#say(`The session now ends at ${clock(this.#endsAt)}.`);
    }
    this.#tick();
  }

  #tick() {
    const left = Math.max(0, Math.round((this.#endsAt.getTime() - Date.now()) / 1000));
    const minutes = Math.floor(left / 60);
    const seconds = String(left % 60).padStart(2, '0');
    timer.textContent = `${minutes}:${seconds} left · ends ${clock(this.#endsAt)}`;
  }

  async #setVideo(track) {
    await this.#links.setTrack('video', track, this.#own.stream);
  }

  #screenShareAllowed(from, allowed) {
    // Only the therapist decides; a client cannot grant itself or others anything.
    if (this.#role !== 'therapist' && this.#peerRoles.get(from) === 'therapist') {
      this.#own.allowSharing(allowed);
    }
  }

  #chatLine(who, text, note = '') {
    const item = document.createElement('li');
    const name = document.createElement('strong');
    name.textContent = `${who}: `;
    item.append(name, document.createTextNode(text));
    if (note) {
      const small = document.createElement('small');
      small.textContent = ` (${note})`;
      item.append(small);
    }
    chatLog.append(item);
    chatLog.scrollTop = chatLog.scrollHeight;
  }

  #say(text) {
    status.textContent = text;
  }

  /** Tells the person something about the session (an admin's action, a server restart). */
  announce(text) {
    this.#say(text);
  }

  /** The therapist learns what an admin did and why; the reason is someone's typed text. */
  adminAction(message) {
    const who = this.#tiles.nameOf(message.participantId) || 'A participant';
    this.#say(message.action === 'removed'
      ? `An administrator removed ${who}. Reason given: ${message.reason}`
      : `An administrator ended the session. Reason given: ${message.reason}`);
  }

  /** Ends everything this call started: connections, devices, timers, listeners. */
  teardown() {
    this.#timers.forEach((t) => clearInterval(t));
    this.#listeners.forEach((off) => off());
    this.#links.dropAll();
    this.#tiles.clear();
    this.#therapist?.teardown();
    this.#own.teardown();
    screen.hidden = true;
  }
}

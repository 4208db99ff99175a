// The call: one PeerLink per other participant, the grid, chat, the timer and the controls
// everyone has (mute, camera, screen share, leave). join.js feeds it server messages.

import { PeerLink } from './peer.js';
import { Tiles } from './tiles.js';
import { Chat } from './chat.js';
import { measure } from './stats.js';
import { TherapistControls } from './therapist.js';
import { openCamera, openScreen, stopAll } from './media.js';
import { clock } from './notices.js';

const screen = document.getElementById('call');
const grid = document.getElementById('grid');
const selfVideo = document.getElementById('self-video');
const timer = document.getElementById('call-timer');
const status = document.getElementById('call-status');
const chatLog = document.getElementById('chat-log');
const chatForm = document.getElementById('chat-form');
const chatInput = document.getElementById('chat-input');
const chatSend = document.getElementById('chat-send');
const muteButton = document.getElementById('ctl-mute');
const cameraButton = document.getElementById('ctl-camera');
const shareButton = document.getElementById('ctl-share');
const allowShareLabel = document.getElementById('ctl-allow-share-label');
const allowShare = document.getElementById('ctl-allow-share');
const leaveButton = document.getElementById('ctl-leave');

// Above this many others, every camera sends a smaller picture to spare CPU and uplink.
const GROUP_SIZE = 3;
const GROUP_VIDEO = { width: 320, height: 180, frameRate: 15 };
const STATS_EVERY_MS = 2000;

export class Call {
  #role;
  #signaling;
  #local;
  #endsAt;
  #links = new Map();
  #samples = new Map();
  #tiles = new Tiles(grid);
  #chat;
  #therapist = null;
  #timers = [];
  #listeners = [];
  #screenTrack = null;
  #clientsMayShare = false;
  #onLeave;

  /** {@code local}: {stream, cameraId, microphoneId, speakerId}; {@code onLeave()} after "Leave". */
  constructor({ welcome, signaling, local, onLeave }) {
    this.#role = welcome.role;
    this.#signaling = signaling;
    this.#local = local;
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
    if (this.#role === 'therapist') {
      this.#therapist = new TherapistControls((m) => this.#signaling.send(m), local.speakerId);
      allowShareLabel.hidden = false;
      shareButton.hidden = false;
    }
    this.#tiles.speaker(local.speakerId);
    selfVideo.srcObject = local.stream;
    this.#controls();
    this.#timers.push(setInterval(() => this.#tick(), 1000), setInterval(() => this.#measure(), STATS_EVERY_MS));
    this.#tick();
    screen.hidden = false;
  }

  #on(target, type, listener) {
    target.addEventListener(type, listener);
    this.#listeners.push(() => target.removeEventListener(type, listener));
  }

  #controls() {
    const audio = this.#local.stream.getAudioTracks()[0];
    muteButton.disabled = !audio;
    muteButton.textContent = audio && !audio.enabled ? 'Unmute' : 'Mute';
    cameraButton.textContent = this.#local.stream.getVideoTracks().length ? 'Turn camera off' : 'Turn camera on';
    this.#on(muteButton, 'click', () => this.#toggleMute());
    this.#on(cameraButton, 'click', () => this.#toggleCamera());
    this.#on(shareButton, 'click', () => this.#toggleShare());
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

  /** Every call-related server message, in arrival order. */
  async handle(message) {
    switch (message.type) {
      case 'roster':
        this.#roster(message.participants);
        break;
      case 'peer-joined':
        this.#dropLink(message.peer.participantId);
        this.#addPeer(message.peer);
        break;
      case 'peer-left':
        this.#say(`${this.#tiles.nameOf(message.participantId) || 'Someone'} left the session.`);
        this.#dropLink(message.participantId);
        this.#tiles.remove(message.participantId);
        this.#adaptVideo();
        break;
      case 'peer-reconnecting':
        this.#tiles.reconnecting(message.participantId, true);
        break;
      case 'peer-reconnected':
        this.#tiles.reconnecting(message.participantId, false);
        this.#reconnected(message.participantId);
        break;
      case 'offer':
      case 'answer':
        await this.#description(message);
        break;
      case 'candidate':
        await this.#links.get(message.from)?.candidate(message);
        break;
      case 'ice-restart':
        this.#links.get(message.from)?.restartIce();
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
    for (const id of [...this.#links.keys()]) {
      if (!present.has(id)) {
        this.#dropLink(id);
        this.#tiles.remove(id);
      }
    }
    for (const peer of peers) {
      const link = this.#links.get(peer.participantId);
      if (link) {
        // Our own socket came back and the media may still flow. The impolite side heals the
        // network path with an ICE restart; a polite side waits for the other's fresh offer.
        if (!link.polite) {
          link.restartIce();
        }
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
    this.#connect(peer.participantId, peer.polite);
    this.#adaptVideo();
  }

  #peerRoles = new Map();

  // Someone came back on a new socket: after a reload their old connection is gone, and we
  // cannot tell a reload from a network blip. The impolite side starts a fresh connection;
  // the polite side waits for that offer (PeerLink notices it comes from a new connection).
  #reconnected(id) {
    const link = this.#links.get(id);
    if (link && !link.polite) {
      this.#dropLink(id);
      this.#connect(id, link.polite);
    }
  }

  #connect(id, polite) {
    const link = new PeerLink({
      id,
      polite,
      tracks: this.#local.stream.getTracks(),
      stream: this.#local.stream,
      send: (m) => this.#signaling.send(m),
      events: {
        track: (stream) => this.#tiles.stream(id, stream),
        channel: (channel) => this.#chat.attach(id, channel),
        state: (state) => {
          if (state === 'connected') {
            this.#measure();
          } else if (state === 'failed') {
            this.#tiles.stats(id, null);
          }
        },
      },
    });
    this.#links.set(id, link);
    return link;
  }

  async #description(message) {
    const link = this.#links.get(message.from);
    if (!link) {
      return;
    }
    if (await link.description(message.type, message.sdp)) {
      return;
    }
    // The other side started over with a new connection (a reload): so do we.
    this.#dropLink(message.from);
    const fresh = this.#connect(message.from, link.polite);
    if (message.type === 'offer') {
      await fresh.description('offer', message.sdp);
    }
  }

  #dropLink(id) {
    const link = this.#links.get(id);
    if (link) {
      this.#chat.detach(id);
      link.close();
      this.#links.delete(id);
      this.#samples.delete(id);
    }
  }

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

  async #measure() {
    for (const [id, link] of this.#links) {
      try {
        const sample = await measure(link.connection, this.#samples.get(id));
        this.#samples.set(id, sample);
        this.#tiles.stats(id, sample);
      } catch {
        // A connection closed during the measurement; the next round skips it.
      }
    }
  }

  #toggleMute() {
    const audio = this.#local.stream.getAudioTracks()[0];
    if (!audio) {
      return;
    }
    audio.enabled = !audio.enabled;
    muteButton.textContent = audio.enabled ? 'Mute' : 'Unmute';
  }

  async #toggleCamera() {
    cameraButton.disabled = true;
    const current = this.#local.stream.getVideoTracks()[0];
    if (current) {
      // Really stop sending: the camera light goes off and no frames leave the device.
      current.stop();
      this.#local.stream.removeTrack(current);
      if (!this.#screenTrack) {
        await this.#setVideo(null);
      }
      cameraButton.textContent = 'Turn camera on';
    } else {
      const track = await openCamera(this.#local.cameraId);
      if (track) {
        this.#local.stream.addTrack(track);
        this.#adaptVideo();
        if (!this.#screenTrack) {
          await this.#setVideo(track);
        }
        cameraButton.textContent = 'Turn camera off';
      } else {
        this.#say('The camera could not be started. Check that no other app uses it.');
      }
    }
    selfVideo.srcObject = this.#local.stream;
    cameraButton.disabled = false;
  }

  async #setVideo(track) {
    await Promise.all([...this.#links.values()].map((link) => link.setTrack('video', track, this.#local.stream)));
  }

  async #toggleShare() {
    if (this.#screenTrack) {
      this.#stopShare();
      return;
    }
    const track = await openScreen();
    if (!track) {
      return;
    }
    this.#screenTrack = track;
    track.onended = () => this.#stopShare();
    await this.#setVideo(track);
    selfVideo.srcObject = new MediaStream([track]);
    shareButton.textContent = 'Stop sharing';
  }

  #stopShare() {
    if (!this.#screenTrack) {
      return;
    }
    this.#screenTrack.stop();
    this.#screenTrack = null;
    this.#setVideo(this.#local.stream.getVideoTracks()[0] || null);
    selfVideo.srcObject = this.#local.stream;
    shareButton.textContent = 'Share screen';
    shareButton.hidden = this.#role !== 'therapist' && !this.#clientsMayShare;
  }

  #screenShareAllowed(from, allowed) {
    if (this.#role === 'therapist' || this.#peerRoles.get(from) !== 'therapist') {
      return;
    }
    this.#clientsMayShare = allowed;
    shareButton.hidden = !allowed && !this.#screenTrack;
    if (!allowed) {
      this.#stopShare();
    }
  }

  #adaptVideo() {
    const camera = this.#local.stream.getVideoTracks()[0];
    if (!camera) {
      return;
    }
    const group = this.#tiles.size >= GROUP_SIZE;
    camera.applyConstraints(group ? GROUP_VIDEO : { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 20, max: 24 } })
      .catch(() => {});
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

  /** Ends everything this call started: connections, devices, timers, listeners. */
  teardown() {
    this.#timers.forEach((t) => clearInterval(t));
    this.#listeners.forEach((off) => off());
    for (const id of [...this.#links.keys()]) {
      this.#dropLink(id);
    }
    this.#tiles.clear();
    this.#therapist?.teardown();
    this.#screenTrack?.stop();
    stopAll(this.#local.stream);
    selfVideo.srcObject = null;
    screen.hidden = true;
  }
}

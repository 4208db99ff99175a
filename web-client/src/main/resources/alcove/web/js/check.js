// The pre-join check: camera preview, microphone level, device choice, a speaker test and
// a connection check, with guidance when devices are blocked or missing. Joining without
// a camera or a microphone is always possible.

import { Problem, canChooseSpeaker, listDevices, openMedia, playTone, stopAll, watchLevel } from './media.js';

const screen = document.getElementById('check');
const sessionLine = document.getElementById('check-session');
const video = document.getElementById('check-video');
const noVideo = document.getElementById('check-no-video');
const form = document.getElementById('check-form');
const guidance = document.getElementById('check-guidance');
const cameraSelect = document.getElementById('check-camera');
const microphoneSelect = document.getElementById('check-microphone');
const speakerSelect = document.getElementById('check-speaker');
const speakerNote = document.getElementById('check-speaker-note');
const toneButton = document.getElementById('check-tone');
const level = document.getElementById('check-level');
const connection = document.getElementById('check-connection');
const retryButton = document.getElementById('check-retry');
const joinButton = document.getElementById('check-join');

const NONE = '';

const GUIDANCE = {
  [Problem.DENIED]: 'Your browser is not letting this page use your camera and microphone. '
    + 'Click the camera or lock icon in the address bar, choose “Allow”, then “Try camera and microphone again”. '
    + 'You can also join without them: chat still works, but nobody will see or hear you.',
  [Problem.NO_DEVICE]: 'No camera or microphone was found. Connect one and try again, or join without: '
    + 'chat still works, but nobody will see or hear you.',
  [Problem.IN_USE]: 'Your camera or microphone is being used by another app. Close that app and try again, '
    + 'or join without it.',
  [Problem.UNSUPPORTED]: 'This browser cannot use a camera or microphone on this page. '
    + 'Try a current Chrome, Edge, Firefox or Safari, or join without them.',
};

export class DeviceCheck {
  #signaling;
  #onJoin;
  #stream = new MediaStream();
  #stopLevel = () => {};
  #listeners = [];
  #connectionTimer = 0;

  /** {@code onJoin({stream, cameraId, microphoneId, speakerId})} when the person presses Join. */
  constructor({ signaling, welcome, choice, onJoin }) {
    this.#signaling = signaling;
    this.#onJoin = onJoin;
    sessionLine.textContent = `Session from ${timeOf(welcome.startsAt)} to ${timeOf(welcome.endsAt)}.`;
    speakerNote.hidden = canChooseSpeaker;
    speakerSelect.disabled = !canChooseSpeaker;
    this.#on(form, 'submit', (event) => {
      event.preventDefault();
      this.#join();
    });
    this.#on(cameraSelect, 'change', () => this.#open());
    this.#on(microphoneSelect, 'change', () => this.#open());
    this.#on(retryButton, 'click', () => this.#open());
    this.#on(toneButton, 'click', () => playTone(speakerSelect.value));
    screen.hidden = false;
    this.#open(choice);
    this.connectionChanged();
    this.#connectionTimer = setInterval(() => this.connectionChanged(), 5000);
  }

  #on(target, type, listener) {
    target.addEventListener(type, listener);
    this.#listeners.push(() => target.removeEventListener(type, listener));
  }

  async #open(choice) {
    joinButton.disabled = true;
    retryButton.hidden = true;
    this.#stopLevel();
    stopAll(this.#stream);
    const cameraId = choice?.cameraId ?? cameraSelect.value;
    const microphoneId = choice?.microphoneId ?? microphoneSelect.value;
    const { stream, problem } = await openMedia({
      cameraId, microphoneId, camera: cameraId !== 'off', microphone: microphoneId !== 'off',
    });
    this.#stream = stream;
    video.srcObject = stream;
    noVideo.hidden = stream.getVideoTracks().length > 0;
    this.#stopLevel = watchLevel(stream, (value) => {
      level.value = value;
    });
    await this.#fillDevices(stream, choice);
    this.#guide(problem, stream);
    this.#updateJoin();
  }

  async #fillDevices(stream, choice) {
    const devices = await listDevices();
    const inUse = (kind) => stream.getTracks().find((t) => t.kind === kind)?.getSettings().deviceId;
    fill(cameraSelect, devices.videoinput, inUse('video') || choice?.cameraId, 'Camera', 'No camera');
    fill(microphoneSelect, devices.audioinput, inUse('audio') || choice?.microphoneId, 'Microphone', 'No microphone');
    fill(speakerSelect, devices.audiooutput, choice?.speakerId, 'Speaker', null);
  }

  #guide(problem, stream) {
    const messages = [];
    if (problem !== Problem.NONE) {
      messages.push(GUIDANCE[problem]);
      retryButton.hidden = false;
    } else if (!stream.getVideoTracks().length && cameraSelect.value !== 'off') {
      messages.push('No camera is available: you will join with sound only.');
    } else if (!stream.getAudioTracks().length && microphoneSelect.value !== 'off') {
      messages.push('No microphone is available: others will not hear you, but chat works.');
    }
    guidance.textContent = messages.join(' ');
    guidance.hidden = messages.length === 0;
  }

  /** Called by join.js when the socket state changes; measures a round trip when connected. */
  async connectionChanged() {
    this.#updateJoin();
    if (!this.#signaling.connected) {
      connection.textContent = 'Connecting to Alcove…';
      return;
    }
    try {
      const ms = await this.#signaling.roundTrip();
      connection.textContent = `Connection to Alcove: ${ms < 300 ? 'good' : 'slow'} (${ms} ms).`;
    } catch {
      connection.textContent = 'Connecting to Alcove…';
    }
  }

  #updateJoin() {
    joinButton.disabled = !this.#signaling.connected;
  }

  #join() {
    const local = {
      stream: this.#stream,
      cameraId: cameraSelect.value,
      microphoneId: microphoneSelect.value,
      speakerId: speakerSelect.value,
    };
    this.teardown(true);
    this.#onJoin(local);
  }

  /** Stops the preview; the devices are stopped too unless they go on into the call. */
  teardown(keepStream = false) {
    clearInterval(this.#connectionTimer);
    this.#listeners.forEach((off) => off());
    this.#listeners = [];
    this.#stopLevel();
    if (!keepStream) {
      stopAll(this.#stream);
    }
    video.srcObject = null;
    screen.hidden = true;
  }
}

function timeOf(instant) {
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

function fill(select, devices, selected, noun, offLabel) {
  const options = devices.map((device, i) => new Option(device.label || `${noun} ${i + 1}`, device.deviceId));
  if (offLabel) {
    options.push(new Option(offLabel, 'off'));
  }
  if (devices.length === 0 && !offLabel) {
    options.push(new Option('System default', NONE));
  }
  select.replaceChildren(...options);
  const wanted = options.find((o) => o.value === selected);
  select.value = wanted ? wanted.value : options[0]?.value ?? NONE;
}

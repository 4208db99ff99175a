// "A client is waiting": a polite live-region banner, plus an opt-in chime made with WebAudio
// (no sound file to fetch). The chime is off until the therapist ticks the box, because a page
// must not make noise on its own; ticking it is also the user gesture audio needs to start.

const banner = document.getElementById('waiting-notice');
const toggle = document.getElementById('sound');
const STORAGE_KEY = 'alcove.waitingSound';

let audio = null;
let lastWaiting = 0;

export function setUpWaitingNotice() {
  toggle.closest('label').hidden = false;
  toggle.checked = window.localStorage.getItem(STORAGE_KEY) === 'on';
  toggle.addEventListener('change', () => {
    window.localStorage.setItem(STORAGE_KEY, toggle.checked ? 'on' : 'off');
    if (toggle.checked) {
      chime();
    }
  });
}

/** waiting: [{ time: "14:00", count }] for the therapist's own sessions with someone waiting. */
export function showWaiting(waiting) {
  const total = waiting.reduce((sum, w) => sum + w.count, 0);
  let text = '';
  if (waiting.length === 1) {
    const w = waiting[0];
    text = w.count === 1
      ? `A client is waiting for your ${w.time} session.`
      : `${w.count} clients are waiting for your ${w.time} session.`;
  } else if (waiting.length > 1) {
    text = `Clients are waiting for your sessions at ${waiting.map((w) => w.time).join(', ')}.`;
  }
  if (banner.textContent !== text) {
    banner.textContent = text;
  }
  if (total > lastWaiting && toggle.checked) {
    chime();
  }
  lastWaiting = total;
}

function chime() {
  const AudioContext = window.AudioContext || window.webkitAudioContext;
  if (!AudioContext) {
    return;
  }
  audio = audio || new AudioContext();
  if (audio.state === 'suspended') {
    audio.resume();
  }
  const now = audio.currentTime;
  [660, 880].forEach((frequency, i) => {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    const at = now + i * 0.25;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.5);
    tone.connect(gain).connect(audio.destination);
    tone.start(at);
    tone.stop(at + 0.55);
  });
}

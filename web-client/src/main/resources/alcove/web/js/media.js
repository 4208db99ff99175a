// Camera, microphone and speakers: opening them with a graceful fallback (camera and
// microphone, one of them, or none), listing devices, and the microphone level.

// Modest on purpose: up to five remote videos share one screen and one uplink.
const VIDEO = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 20, max: 24 } };

/** Why media is missing, for the guidance the page shows. */
export const Problem = Object.freeze({
  NONE: 'none', DENIED: 'denied', NO_DEVICE: 'no-device', IN_USE: 'in-use', UNSUPPORTED: 'unsupported',
});

function problemOf(error) {
  switch (error?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return Problem.DENIED;
    case 'NotFoundError':
    case 'OverconstrainedError':
      return Problem.NO_DEVICE;
    case 'NotReadableError':
    case 'AbortError':
      return Problem.IN_USE;
    default:
      return Problem.UNSUPPORTED;
  }
}

function constraint(deviceId) {
  return deviceId ? { deviceId: { exact: deviceId } } : {};
}

/**
 * Opens the chosen devices. Tries camera and microphone, then each alone, and never throws:
 * the result is {stream, problem} where stream may have no tracks at all.
 */
export async function openMedia({ cameraId, microphoneId, camera = true, microphone = true } = {}) {
  if (!navigator.mediaDevices?.getUserMedia) {
    return { stream: new MediaStream(), problem: Problem.UNSUPPORTED };
  }
  const audio = microphone ? { echoCancellation: true, noiseSuppression: true, ...constraint(microphoneId) } : false;
  const video = camera ? { ...VIDEO, ...constraint(cameraId) } : false;
  const attempts = [{ audio, video }, { audio, video: false }, { audio: false, video }]
    .filter((c) => c.audio || c.video);
  let firstProblem = Problem.NONE;
  for (const constraints of attempts) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia(constraints);
      const complete = (!audio || stream.getAudioTracks().length) && (!video || stream.getVideoTracks().length);
      return { stream, problem: complete ? Problem.NONE : firstProblem };
    } catch (error) {
      if (firstProblem === Problem.NONE) {
        firstProblem = problemOf(error);
      }
      if (firstProblem === Problem.DENIED) {
        break;
      }
    }
  }
  return { stream: new MediaStream(), problem: firstProblem };
}

/** A fresh camera track (camera back on after it was really stopped), or null. */
export async function openCamera(cameraId) {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { ...VIDEO, ...constraint(cameraId) } });
    return stream.getVideoTracks()[0] || null;
  } catch {
    return null;
  }
}

/** The screen (or a window) to share, or null when the person cancels. */
export async function openScreen() {
  try {
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 10, max: 15 } }, audio: false });
    return stream.getVideoTracks()[0] || null;
  } catch {
    return null;
  }
}

/** Devices by kind: {videoinput: [...], audioinput: [...], audiooutput: [...]}. */
export async function listDevices() {
  const byKind = { videoinput: [], audioinput: [], audiooutput: [] };
  if (!navigator.mediaDevices?.enumerateDevices) {
    return byKind;
  }
  for (const device of await navigator.mediaDevices.enumerateDevices()) {
    byKind[device.kind]?.push(device);
  }
  return byKind;
}

/** Speaker selection is a Chromium feature; elsewhere the system default plays. */
export const canChooseSpeaker = typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;

export function stopAll(stream) {
  stream?.getTracks().forEach((track) => track.stop());
}

/**
 * Calls {@code onLevel(0..1)} about ten times a second with the microphone's loudness;
 * returns a function that stops it.
 */
export function watchLevel(stream, onLevel) {
  const track = stream.getAudioTracks()[0];
  if (!track || typeof AudioContext === 'undefined') {
    onLevel(0);
    return () => {};
  }
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  // Browsers start audio suspended until the person interacts with the page.
  const wake = () => context.resume();
  document.addEventListener('pointerdown', wake);
  document.addEventListener('keydown', wake);
  context.resume().catch(() => {});
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const s of samples) {
      sum += s * s;
    }
    onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
  }, 100);
  return () => {
    clearInterval(timer);
    document.removeEventListener('pointerdown', wake);
    document.removeEventListener('keydown', wake);
    context.close();
  };
}

/** A short, quiet tone on the chosen speaker, for the speaker check and the waiting notice. */
export async function playTone(sinkId, frequency = 660, seconds = 0.4) {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  gain.gain.value = 0.08;
  oscillator.frequency.value = frequency;
  const output = context.createMediaStreamDestination();
  oscillator.connect(gain).connect(output);
  const audio = new Audio();
  audio.srcObject = output.stream;
  if (sinkId && canChooseSpeaker) {
    await audio.setSinkId(sinkId).catch(() => {});
  }
  oscillator.start();
  await audio.play().catch(() => {});
  setTimeout(() => {
    oscillator.stop();
    audio.srcObject = null;
    context.close();
  }, seconds * 1000);
}

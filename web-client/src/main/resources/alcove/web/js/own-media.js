// The participant's own camera, microphone and screen during the call: "Mute", "Turn camera
// off" (which really stops the camera), "Share screen", and a smaller picture in group calls.

import { openCamera, openScreen, stopAll } from './media.js';

const selfVideo = document.getElementById('self-video');
const muteButton = document.getElementById('ctl-mute');
const cameraButton = document.getElementById('ctl-camera');
const shareButton = document.getElementById('ctl-share');

// Every picture is encoded once per peer in the mesh: with this many others, send less.
const GROUP_SIZE = 3;
const GROUP_VIDEO = { width: 320, height: 180, frameRate: 15 };
const PAIR_VIDEO = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 20, max: 24 } };

export class OwnMedia {
  #local;
  #setVideo;
  #say;
  #mayShare;
  #screenTrack = null;
  #listeners = [];

  /**
   * {@code local}: {stream, cameraId}; {@code setVideo(track)} sends a video track (or none) to
   * everyone; {@code say(text)} shows a status line; {@code mayShare}: screen sharing allowed now.
   */
  constructor(local, { setVideo, say, mayShare }) {
    this.#local = local;
    this.#setVideo = setVideo;
    this.#say = say;
    this.#mayShare = mayShare;
    const audio = local.stream.getAudioTracks()[0];
    muteButton.disabled = !audio;
    muteButton.textContent = audio && !audio.enabled ? 'Unmute' : 'Mute';
    cameraButton.textContent = local.stream.getVideoTracks().length ? 'Turn camera off' : 'Turn camera on';
    shareButton.hidden = !mayShare;
    selfVideo.srcObject = local.stream;
    this.#on(muteButton, 'click', () => this.#toggleMute());
    this.#on(cameraButton, 'click', () => this.#toggleCamera());
    this.#on(shareButton, 'click', () => this.#toggleShare());
  }

  #on(target, type, listener) {
    target.addEventListener(type, listener);
    this.#listeners.push(() => target.removeEventListener(type, listener));
  }

  /** What a new connection sends: the screen while sharing, else the camera and microphone. */
  get tracks() {
    const audio = this.#local.stream.getAudioTracks();
    return this.#screenTrack ? [...audio, this.#screenTrack] : this.#local.stream.getTracks();
  }

  get stream() {
    return this.#local.stream;
  }

  /** A client learns from the therapist whether it may share its screen. */
  allowSharing(allowed) {
    this.#mayShare = allowed;
    shareButton.hidden = !allowed && !this.#screenTrack;
    if (!allowed) {
      this.#stopShare();
    }
  }

  /** Asks the camera for a smaller picture when there are many others, a normal one otherwise. */
  adapt(others) {
    const camera = this.#local.stream.getVideoTracks()[0];
    camera?.applyConstraints(others >= GROUP_SIZE ? GROUP_VIDEO : PAIR_VIDEO).catch(() => {});
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
      const track = await openCamera(this.#local.cameraId === 'off' ? '' : this.#local.cameraId);
      if (track) {
        this.#local.stream.addTrack(track);
        if (!this.#screenTrack) {
          await this.#setVideo(track);
        }
        cameraButton.textContent = 'Turn camera off';
      } else {
        this.#say('The camera could not be started. Check that no other app uses it.');
      }
    }
    selfVideo.srcObject = this.#screenTrack ? selfVideo.srcObject : this.#local.stream;
    cameraButton.disabled = false;
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
    shareButton.hidden = !this.#mayShare;
  }

  /** Stops the camera, microphone and any screen capture. */
  teardown() {
    this.#listeners.forEach((off) => off());
    this.#listeners = [];
    this.#screenTrack?.stop();
    stopAll(this.#local.stream);
    selfVideo.srcObject = null;
  }
}

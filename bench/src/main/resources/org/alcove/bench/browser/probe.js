// Installed by the bench before the page's own scripts (Playwright's addInitScript). Records on
// the browser's one clock (performance.timeOrigin + performance.now() is comparable across the
// pages of one Chromium) what the bench times: the click on Admit, every signalling message
// sent and received with its type, the peer connection's states, and the first moment a remote
// video plays. Only message types are kept: never SDP, candidates or tokens.
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const log = [];
  window.__alcoveBench = log;
  const record = (kind, type) => log.push({ at: now(), kind, type: type ?? null });
  const typeOf = (data) => {
    try {
      return JSON.parse(data).type ?? null;
    } catch {
      return null;
    }
  };

  const NativeSocket = window.WebSocket;
  // The listener added in the constructor runs before the page's own onmessage: the timestamp
  // is when the page's thread got the message, before the page spent any time on it.
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => record('in', typeOf(event.data)));
    }

    send(data) {
      record('out', typeOf(data));
      return super.send(data);
    }
  };

  const NativeConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativeConnection {
    constructor(...args) {
      super(...args);
      record('pc', 'new');
      this.addEventListener('connectionstatechange', () => record('pc', this.connectionState));
      this.addEventListener('iceconnectionstatechange', () => record('ice', this.iceConnectionState));
    }
  };

  // Capture phase: runs before the button's own handler sends the admit.
  document.addEventListener('click', (event) => {
    const button = event.target.closest?.('button');
    if (button && button.textContent === 'Admit') {
      record('admit-click');
    }
  }, true);

  // Media events do not bubble, but a capturing listener on the document sees them. A remote
  // video (a tile that is not the own one) "plays" once it is not paused and has a decoded
  // frame with a size: an audio-only start does not count.
  const playing = new WeakSet();
  for (const type of ['playing', 'resize', 'loadeddata', 'timeupdate']) {
    document.addEventListener(type, (event) => {
      const video = event.target;
      if (!(video instanceof HTMLVideoElement) || playing.has(video) || !video.closest('figure.tile:not(.self)')) {
        return;
      }
      if (!video.paused && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        playing.add(video);
        record('playing', type);
      }
    }, true);
  }
})();

// A stand-in for RTCPeerConnection with just the signalling state machine of webrtc-pc
// (stable ⇄ have-local-offer / have-remote-offer, implicit rollback), so that PeerLink and
// PeerLinks can be driven in Node. A test may hold setRemoteDescription() open to see what
// happens to messages arriving meanwhile.

let sessions = 4611731400430051000n;

/** An SDP as a browser writes it; {@code origin} is the o= session id of its connection. */
export function sdp(origin) {
  return `v=0\r\no=- ${origin} 2 IN IP4 127.0.0.1\r\ns=-\r\n`;
}

export class FakeConnection {
  static made = [];

  signalingState = 'stable';
  localDescription = null;
  remoteDescription = null;
  candidates = [];
  /** When set, setRemoteDescription() waits for this promise before it takes effect. */
  holdRemote = null;
  /** When set, setRemoteDescription() fails with it. */
  refuseRemote = null;

  constructor(configuration) {
    this.configuration = configuration;
    this.origin = String(sessions++);
    FakeConnection.made.push(this);
  }

  addTrack() {}

  getTransceivers() {
    return [];
  }

  createDataChannel(label) {
    return { label, close() {} };
  }

  async setLocalDescription() {
    this.#open();
    if (this.signalingState === 'stable') {
      this.localDescription = { type: 'offer', sdp: sdp(this.origin) };
      this.signalingState = 'have-local-offer';
    } else if (this.signalingState === 'have-remote-offer') {
      this.localDescription = { type: 'answer', sdp: sdp(this.origin) };
      this.signalingState = 'stable';
    }
  }

  async setRemoteDescription(description) {
    this.#open();
    if (this.holdRemote) {
      await this.holdRemote;
    }
    this.#open();
    if (this.refuseRemote) {
      throw this.refuseRemote;
    }
    if (description.type === 'offer') {
      // An offer in have-local-offer rolls our own back first (what the polite side relies on).
      this.signalingState = 'have-remote-offer';
    } else if (this.signalingState === 'have-local-offer') {
      this.signalingState = 'stable';
    } else {
      throw new DOMException(`answer in state ${this.signalingState}`, 'InvalidStateError');
    }
    this.remoteDescription = description;
  }

  async addIceCandidate(candidate) {
    this.#open();
    this.candidates.push(candidate.candidate);
  }

  restartIce() {
    this.restarted = true;
  }

  close() {
    this.signalingState = 'closed';
  }

  #open() {
    if (this.signalingState === 'closed') {
      throw new DOMException('The RTCPeerConnection is closed.', 'InvalidStateError');
    }
  }
}

globalThis.RTCPeerConnection = FakeConnection;

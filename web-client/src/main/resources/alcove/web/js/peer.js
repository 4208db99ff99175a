// One RTCPeerConnection towards one other participant, negotiated with "perfect negotiation"
// (MDN; webrtc/samples perfect-negotiation): the same code on both sides, the server's
// `polite` flag decides who yields in a glare, and setLocalDescription() takes no argument.
// The rules themselves are in negotiation.js; call.js hands each link one message at a time.

import { ClientMessage } from './signaling.js';
import { ignoresDescription, originOf } from './negotiation.js';

// Host candidates only until the server's roster says otherwise (a server without STUN/TURN).
const NO_ICE_SERVERS = { iceServers: [], iceTransportPolicy: 'all' };

/**
 * The RTCConfiguration for {@code ice}, the ICE part of the roster: the STUN/TURN servers with
 * this participant's own TURN credentials, and 'relay' when the server wants media relayed so
 * that no participant learns another's address.
 */
function configuration(ice) {
  const { iceServers, iceTransportPolicy } = ice || NO_ICE_SERVERS;
  return {
    iceServers: (iceServers || []).map(({ urls, username, credential }) =>
      (username === undefined ? { urls } : { urls, username, credential })),
    iceTransportPolicy: iceTransportPolicy === 'relay' ? 'relay' : 'all',
    bundlePolicy: 'max-bundle',
  };
}

/**
 * {@code ice}: {iceServers, iceTransportPolicy} from the latest roster (null: none).
 * {@code events}: track(stream), channel(RTCDataChannel), state(connectionState),
 * error(error) when an offer of our own could not be made or sent.
 * description() and candidate() reject when the browser refuses what the other side sent.
 * Nothing is reported once the link is closed: what was still pending then is moot.
 */
export class PeerLink {
  #pc;
  #send;
  #makingOffer = false;
  #ignoreOffer = false;
  #answerPending = false;
  #remoteOrigin = null;
  #early = [];
  #events;

  constructor({ id, polite, ice, tracks, stream, send, events }) {
    this.id = id;
    this.polite = polite;
    this.#send = send;
    this.#events = events;
    this.#pc = new RTCPeerConnection(configuration(ice));
    for (const track of tracks) {
      this.#pc.addTrack(track, stream);
    }
    // Negotiated on both sides with the same id: no glare over who creates the channel.
    this.channel = this.#pc.createDataChannel('chat', { negotiated: true, id: 0 });
    events.channel(this.channel);
    this.#wire();
  }

  get connection() {
    return this.#pc;
  }

  #wire() {
    const pc = this.#pc;
    pc.onnegotiationneeded = async () => {
      // The impolite side opens a new connection and the polite side answers: starting with
      // glare on every new connection invites browser edge cases (an implicit rollback while
      // the first offer is still being made). Later renegotiation may start on either side.
      if (this.polite && !pc.remoteDescription) {
        return;
      }
      try {
        this.#makingOffer = true;
        await pc.setLocalDescription();
        this.#sendDescription();
      } catch (error) {
        if (!this.#closed) {
          this.#events.error(error);
        }
      } finally {
        this.#makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) {
        console.debug(`peer ${this.id}: local ${candidate.type} candidate${candidate.address?.endsWith('.local') ? ' (mDNS)' : ''}`);
        this.#send(ClientMessage.candidate(this.id, candidate));
      }
    };
    pc.ontrack = ({ track, streams }) => {
      const stream = streams[0] || new MediaStream([track]);
      this.#events.track(stream);
    };
    pc.onconnectionstatechange = () => {
      console.debug(`peer ${this.id}: ${pc.connectionState}`);
      this.#events.state(pc.connectionState);
    };
    pc.oniceconnectionstatechange = () => {
      // One side restarts, so two restarts do not collide.
      if (pc.iceConnectionState === 'failed' && !this.polite) {
        pc.restartIce();
      }
    };
  }

  // negotiationneeded can fire while a remote offer is being applied; its argument-less
  // setLocalDescription() then makes the answer. So send whatever the description really is.
  #sendDescription() {
    const { type, sdp } = this.#pc.localDescription;
    this.#send(type === 'offer' ? ClientMessage.offer(this.id, sdp) : ClientMessage.answer(this.id, sdp));
  }

  get #closed() {
    return this.#pc.signalingState === 'closed';
  }

  /**
   * A relayed offer or answer. Returns false when the remote side is a new connection. Call it
   * for one message at a time (call.js does): the collision check reads the state the previous
   * message left.
   */
  async description(type, sdp) {
    const pc = this.#pc;
    const origin = originOf(sdp);
    if (this.#remoteOrigin && origin && origin !== this.#remoteOrigin) {
      return false;
    }
    this.#ignoreOffer = ignoresDescription({
      type, polite: this.polite, makingOffer: this.#makingOffer,
      signalingState: pc.signalingState, answerPending: this.#answerPending,
    });
    console.debug(`peer ${this.id}: ${type} in ${pc.signalingState}${this.#ignoreOffer ? ', ignored (glare)' : ''}`);
    if (this.#ignoreOffer) {
      return true;
    }
    try {
      this.#answerPending = type === 'answer';
      await pc.setRemoteDescription({ type, sdp });
      this.#answerPending = false;
      this.#remoteOrigin = origin;
      this.#addEarlyCandidates();
      if (type === 'offer') {
        await pc.setLocalDescription();
        this.#sendDescription();
      }
    } catch (error) {
      if (!this.#closed) {
        throw error;
      }
    } finally {
      this.#answerPending = false;
    }
    return true;
  }

  async candidate(message) {
    if (!message.candidate) {
      return;
    }
    const candidate = { candidate: message.candidate, sdpMid: message.sdpMid, sdpMLineIndex: message.sdpMLineIndex };
    console.debug(`peer ${this.id}: remote candidate${this.#pc.remoteDescription ? '' : ', kept for later'}`);
    if (!this.#pc.remoteDescription) {
      // Candidates can outrun the description they belong to, notably when a glare was
      // resolved by the other side rolling back: keep them until a description arrives.
      this.#early.push(candidate);
      return;
    }
    try {
      await this.#pc.addIceCandidate(candidate);
    } catch (error) {
      // The candidates of an offer we ignored in a glare are refused, and that is expected.
      if (!this.#ignoreOffer && !this.#closed) {
        throw error;
      }
    }
  }

  #addEarlyCandidates() {
    const early = this.#early;
    this.#early = [];
    // Some may belong to an offer that was rolled back; the browser refuses those, harmlessly.
    early.forEach((candidate) => this.#pc.addIceCandidate(candidate).catch(() => {}));
  }

  /** New ICE candidates after a network change; the offer it causes goes through negotiation. */
  restartIce() {
    this.#pc.restartIce();
  }

  /**
   * Sends {@code track} (or nothing, with null) as this connection's audio or video. Reuses the
   * transceiver of that kind, so turning the camera off and on needs no renegotiation; a
   * connection that never sent that kind gets a new track (and negotiates it).
   */
  async setTrack(kind, track, stream) {
    const transceiver = this.#pc.getTransceivers()
      .find((t) => !t.stopped && t.receiver.track.kind === kind && t.mid !== null);
    if (!transceiver) {
      if (track) {
        this.#pc.addTrack(track, stream);
      }
      return;
    }
    await transceiver.sender.replaceTrack(track);
    if (track && !transceiver.direction.includes('send')) {
      // Created by the other side's offer, receive only so far: now we send too.
      transceiver.sender.setStreams?.(stream);
      transceiver.direction = transceiver.direction === 'inactive' ? 'sendonly' : 'sendrecv';
    }
  }

  close() {
    this.channel.close();
    this.#pc.close();
  }
}

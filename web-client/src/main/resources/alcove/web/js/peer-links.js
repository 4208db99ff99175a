// The call's connections: one PeerLink per other participant, fed that participant's relayed
// messages one at a time and in order, replaced when the other side starts over, and measured
// for the tiles' connection indicator. call.js decides who is in the call; this decides how
// each connection is kept up.

import { PeerLink } from './peer.js';
import { InOrder } from './negotiation.js';
import { measure } from './stats.js';

export class PeerLinks {
  #links = new Map();
  #fromPeers = new InOrder();
  #samples = new Map();
  #ice = null;
  #send;
  #media;
  #tiles;
  #chat;
  #onError;

  /**
   * {@code send(message)} to the server; {@code media}: the own media (its current tracks and
   * stream); {@code tiles} and {@code chat} of the call; {@code onError(error)} when a
   * negotiation fails.
   */
  constructor({ send, media, tiles, chat, onError }) {
    this.#send = send;
    this.#media = media;
    this.#tiles = tiles;
    this.#chat = chat;
    this.#onError = onError;
  }

  /** The roster's ICE servers and TURN credentials, for the connections made from now on. */
  set ice(ice) {
    this.#ice = ice;
  }

  ids() {
    return [...this.#links.keys()];
  }

  has(id) {
    return this.#links.has(id);
  }

  connect(id, polite) {
    const link = new PeerLink({
      id,
      polite,
      ice: this.#ice,
      tracks: this.#media.tracks,
      stream: this.#media.stream,
      send: this.#send,
      events: {
        track: (stream) => this.#tiles.stream(id, stream),
        channel: (channel) => this.#chat.attach(id, channel),
        error: (error) => this.#onError(error),
        state: (state) => {
          if (state === 'connected') {
            this.measure();
          } else if (state === 'failed') {
            this.#tiles.stats(id, null);
          }
        },
      },
    });
    this.#links.set(id, link);
    return link;
  }

  drop(id) {
    const link = this.#links.get(id);
    if (link) {
      this.#chat.detach(id);
      link.close();
      this.#links.delete(id);
      this.#samples.delete(id);
    }
  }

  dropAll() {
    for (const id of this.ids()) {
      this.drop(id);
    }
  }

  /**
   * Our own socket came back with {@code id} still in the call, and the media may still flow.
   * The impolite side heals the network path with an ICE restart; a polite side waits for the
   * other's fresh offer.
   */
  ownSocketBack(id) {
    const link = this.#links.get(id);
    if (link && !link.polite) {
      link.restartIce();
    }
  }

  // Someone came back on a new socket: after a reload their old connection is gone, and we
  // cannot tell a reload from a network blip. The impolite side starts a fresh connection;
  // the polite side waits for that offer (PeerLink notices it comes from a new connection).
  peerReconnected(id) {
    const link = this.#links.get(id);
    if (link && !link.polite) {
      this.drop(id);
      this.connect(id, link.polite);
    }
  }

  /**
   * An offer, answer, candidate or ice-restart relayed from a peer. Each waits until the
   * previous one from that peer is fully applied: otherwise an offer would be judged against a
   * state that the answer still being applied is about to change (and wrongly ignored by the
   * impolite side). The link is looked up when the message's turn comes, since an earlier one
   * may have replaced it. Settles once the message is applied; failures go to onError.
   */
  relayed(message) {
    return this.#fromPeers.run(message.from, () => this.#apply(message)).catch((error) => this.#onError(error));
  }

  async #apply(message) {
    const link = this.#links.get(message.from);
    switch (message.type) {
      case 'offer':
      case 'answer':
        return this.#description(link, message);
      case 'candidate':
        return link?.candidate(message);
      case 'ice-restart':
        return link?.restartIce();
      default:
        throw new Error(`not a relayed message: ${message.type}`);
    }
  }

  async #description(link, message) {
    if (!link) {
      return;
    }
    if (await link.description(message.type, message.sdp)) {
      return;
    }
    // The other side started over with a new connection (a reload): so do we.
    this.drop(message.from);
    const fresh = this.connect(message.from, link.polite);
    if (message.type === 'offer') {
      await fresh.description('offer', message.sdp);
    }
  }

  /** Samples every connection's quality into its tile. */
  async measure() {
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

  async setTrack(kind, track, stream) {
    await Promise.all([...this.#links.values()].map((link) => link.setTrack(kind, track, stream)));
  }
}

// The parts of perfect negotiation that need no RTCPeerConnection (W3C webrtc-pc's "Perfect
// negotiation example", webrtc/samples perfect-negotiation): which remote offer to ignore, which
// connection wrote an SDP, and the per-peer order in which incoming messages are applied.
// peer.js and call.js use them; src/test/js tests them in Node.

/**
 * Whether the remote description of {@code type} ('offer' or 'answer') is ignored. An offer
 * collides with our own when we are making one or are not stable; the impolite side ignores it
 * and the polite side lets setRemoteDescription() roll its own offer back. An answer still being
 * applied ({@code answerPending}) counts as stable: the offer that follows it is no collision.
 */
export function ignoresDescription({ type, polite, makingOffer, signalingState, answerPending }) {
  const readyForOffer = !makingOffer && (signalingState === 'stable' || answerPending);
  const offerCollision = type === 'offer' && !readyForOffer;
  return !polite && offerCollision;
}

/**
 * The session id on an SDP's o= line: it names the RTCPeerConnection that wrote it, so a
 * description from a different one means the other side started over (a page reload).
 */
export function originOf(sdp) {
  const match = /^o=\S+ (\S+) /m.exec(sdp || '');
  return match ? match[1] : null;
}

/**
 * Runs tasks one at a time per key, in the order they were given: one peer's signalling messages
 * are applied in arrival order, each after the previous one finished, while different peers do
 * not wait for each other.
 */
export class InOrder {
  #tails = new Map();

  /**
   * Runs {@code task} once every task given earlier for {@code key} has settled. The result
   * settles as the task does; a failed task does not stop the ones after it.
   */
  run(key, task) {
    const result = (this.#tails.get(key) || Promise.resolve()).then(task);
    const tail = result.then(() => {}, () => {});
    this.#tails.set(key, tail);
    tail.then(() => {
      if (this.#tails.get(key) === tail) {
        this.#tails.delete(key);
      }
    });
    return result;
  }

  /** How many keys still have a task running or waiting. */
  get busy() {
    return this.#tails.size;
  }
}

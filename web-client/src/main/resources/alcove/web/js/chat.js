// Text chat and small call settings, carried peer to peer on each connection's data channel:
// the server never sees a chat line. Every message is one JSON object with a `kind`.

const MAX_TEXT = 2000;

/**
 * The data channels of the call, one per peer. {@code events}: chat(fromId, text),
 * screenShare(fromId, allowed), opened(peerId).
 */
export class Chat {
  #channels = new Map();
  #events;

  constructor(events) {
    this.#events = events;
  }

  attach(peerId, channel) {
    this.#channels.set(peerId, channel);
    channel.onopen = () => this.#events.opened(peerId);
    channel.onmessage = (event) => this.#received(peerId, event.data);
    channel.onclose = () => {
      if (this.#channels.get(peerId) === channel) {
        this.#channels.delete(peerId);
      }
    };
  }

  detach(peerId) {
    this.#channels.delete(peerId);
  }

  /** Sends a chat line to everyone whose channel is open; returns how many got it. */
  say(text) {
    return this.#broadcast({ kind: 'chat', text: text.slice(0, MAX_TEXT) });
  }

  /** Therapist only: whether clients may share their screen. */
  allowScreenShare(allowed, peerId) {
    const message = { kind: 'screen-share', allowed };
    if (peerId) {
      return this.#sendTo(peerId, message) ? 1 : 0;
    }
    return this.#broadcast(message);
  }

  #broadcast(message) {
    let sent = 0;
    for (const peerId of this.#channels.keys()) {
      sent += this.#sendTo(peerId, message) ? 1 : 0;
    }
    return sent;
  }

  #sendTo(peerId, message) {
    const channel = this.#channels.get(peerId);
    if (channel?.readyState !== 'open') {
      return false;
    }
    channel.send(JSON.stringify(message));
    return true;
  }

  #received(peerId, data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    switch (message?.kind) {
      case 'chat':
        if (typeof message.text === 'string' && message.text.trim()) {
          this.#events.chat(peerId, message.text.slice(0, MAX_TEXT));
        }
        break;
      case 'screen-share':
        this.#events.screenShare(peerId, message.allowed === true);
        break;
      default:
        break;
    }
  }
}

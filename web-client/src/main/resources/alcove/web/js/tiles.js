// The video grid of the call: one tile per other participant with their name, a
// "Reconnecting…" notice, the connection indicator and, for the therapist, "Remove".

import { describe, quality } from './stats.js';

export class Tiles {
  #grid;
  #tiles = new Map();
  #sinkId = '';

  constructor(grid) {
    this.#grid = grid;
  }

  /** Adds a tile (or returns the existing one); {@code onRemove} adds a "Remove <name>" button. */
  add(id, name, role, onRemove) {
    if (this.#tiles.has(id)) {
      return;
    }
    const figure = document.createElement('figure');
    figure.className = 'tile';
    figure.dataset.participant = id;
    const video = document.createElement('video');
    video.autoplay = true;
    video.playsInline = true;
    const caption = document.createElement('figcaption');
    caption.textContent = role === 'therapist' ? `${name} (therapist)` : name;
    const status = document.createElement('p');
    status.className = 'tile-status';
    status.setAttribute('role', 'status');
    const indicator = document.createElement('p');
    indicator.className = 'tile-stats';
    indicator.dataset.quality = 'unknown';
    indicator.textContent = 'Connecting…';
    indicator.setAttribute('aria-label', `Connection with ${name}: connecting`);
    figure.append(video, caption, status, indicator);
    if (onRemove) {
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'tile-remove danger';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', `Remove ${name}`);
      remove.addEventListener('click', () => onRemove(id, name));
      figure.append(remove);
    }
    this.#grid.append(figure);
    this.#tiles.set(id, { figure, video, status, indicator, name });
    this.#layout();
  }

  has(id) {
    return this.#tiles.has(id);
  }

  nameOf(id) {
    return this.#tiles.get(id)?.name;
  }

  stream(id, stream) {
    const tile = this.#tiles.get(id);
    if (!tile || tile.video.srcObject === stream) {
      return;
    }
    tile.video.srcObject = stream;
    if (this.#sinkId && tile.video.setSinkId) {
      tile.video.setSinkId(this.#sinkId).catch(() => {});
    }
    tile.video.play().catch(() => {});
    for (const track of stream.getVideoTracks()) {
      track.onmute = () => tile.figure.classList.add('no-video');
      track.onunmute = () => tile.figure.classList.remove('no-video');
    }
  }

  reconnecting(id, yes) {
    const tile = this.#tiles.get(id);
    if (!tile) {
      return;
    }
    tile.figure.classList.toggle('reconnecting', yes);
    tile.status.textContent = yes ? 'Reconnecting…' : '';
  }

  stats(id, sample) {
    const tile = this.#tiles.get(id);
    if (!tile) {
      return;
    }
    const text = describe(sample);
    tile.indicator.textContent = text;
    tile.indicator.dataset.quality = quality(sample);
    tile.indicator.setAttribute('aria-label', `Connection with ${tile.name}: ${quality(sample)}, ${text}`);
  }

  /** Plays every remote tile on the chosen speaker (where the browser supports it). */
  speaker(sinkId) {
    this.#sinkId = sinkId || '';
    for (const tile of this.#tiles.values()) {
      tile.video.setSinkId?.(this.#sinkId).catch(() => {});
    }
  }

  remove(id) {
    const tile = this.#tiles.get(id);
    if (!tile) {
      return;
    }
    tile.video.srcObject = null;
    tile.figure.remove();
    this.#tiles.delete(id);
    this.#layout();
  }

  clear() {
    for (const id of [...this.#tiles.keys()]) {
      this.remove(id);
    }
  }

  get size() {
    return this.#tiles.size;
  }

  #layout() {
    this.#grid.dataset.count = String(this.#tiles.size + 1);
  }
}

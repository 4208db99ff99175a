// The reconnect policy and the message builders of signaling.js (no socket is opened).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientMessage, CloseCode, LocalCloseCode, reconnectDelay } from '../../main/resources/alcove/web/js/signaling.js';

const RETRYABLE = [CloseCode.GOING_AWAY, LocalCloseCode.NO_STATUS, LocalCloseCode.ABNORMAL,
  CloseCode.SERVER_ERROR, CloseCode.SLOW_CONSUMER];

describe('reconnectDelay', () => {
  test('comes back after a drop, a restart, a server error or our own slowness', (t) => {
    t.mock.method(Math, 'random', () => 0.5);
    for (const code of RETRYABLE) {
      assert.equal(reconnectDelay(code, 0), 500, `close ${code}`);
    }
  });

  test('does not come back after any other close: it is the server\'s final word', () => {
    const final = Object.values(CloseCode).filter((code) => !RETRYABLE.includes(code));
    assert.ok(final.includes(CloseCode.SESSION_ENDED) && final.includes(CloseCode.NORMAL));
    for (const code of final) {
      assert.equal(reconnectDelay(code, 0), null, `close ${code}`);
    }
  });

  test('doubles the wait per attempt and stops growing at ten seconds', (t) => {
    t.mock.method(Math, 'random', () => 0.5);
    const delays = [0, 1, 2, 3, 4, 5, 6, 20].map((attempt) => reconnectDelay(LocalCloseCode.ABNORMAL, attempt));
    assert.deepEqual(delays, [500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  test('jitters by a quarter either way, so clients of a restarted server do not return at once', (t) => {
    t.mock.method(Math, 'random', () => 0);
    assert.equal(reconnectDelay(CloseCode.GOING_AWAY, 2), 1500);
    t.mock.method(Math, 'random', () => 0.999999);
    assert.equal(reconnectDelay(CloseCode.GOING_AWAY, 2), 2500);
  });
});

describe('ClientMessage', () => {
  test('auth carries the resume key only when there is one', () => {
    assert.deepEqual(ClientMessage.auth('t0ken'), { type: 'auth', token: 't0ken' });
    assert.deepEqual(ClientMessage.auth('t0ken', 'key'), { type: 'auth', token: 't0ken', resumeKey: 'key' });
  });

  test('a candidate keeps its line and m-line; the end of candidates has neither', () => {
    assert.deepEqual(ClientMessage.candidate('p2', { candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host', sdpMid: '0', sdpMLineIndex: 0 }),
      { type: 'candidate', to: 'p2', candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host', sdpMid: '0', sdpMLineIndex: 0 });
    assert.deepEqual(ClientMessage.candidate('p2', { candidate: '' }), { type: 'candidate', to: 'p2' });
    assert.deepEqual(ClientMessage.candidate('p2', null), { type: 'candidate', to: 'p2' });
  });

  test('a candidate without an m-line sends no null the server would refuse', () => {
    const message = ClientMessage.candidate('p2', { candidate: 'candidate:1', sdpMid: null, sdpMLineIndex: null });
    assert.equal(JSON.stringify(message), '{"type":"candidate","to":"p2","candidate":"candidate:1"}');
  });

  test('descriptions and the rest address one participant or none', () => {
    assert.deepEqual(ClientMessage.offer('p2', 'v=0'), { type: 'offer', to: 'p2', sdp: 'v=0' });
    assert.deepEqual(ClientMessage.answer('p2', 'v=0'), { type: 'answer', to: 'p2', sdp: 'v=0' });
    assert.deepEqual(ClientMessage.iceRestart('p2'), { type: 'ice-restart', to: 'p2' });
    assert.deepEqual(ClientMessage.admit('p3'), { type: 'admit', participantId: 'p3' });
    assert.deepEqual(ClientMessage.extend(10), { type: 'extend', minutes: 10 });
    assert.deepEqual(ClientMessage.leave(), { type: 'leave' });
  });

  test('the tables cannot be changed by a page module', () => {
    assert.ok(Object.isFrozen(ClientMessage) && Object.isFrozen(CloseCode) && Object.isFrozen(LocalCloseCode));
  });
});

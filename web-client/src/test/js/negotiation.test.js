// Perfect negotiation's decisions and the per-peer order of incoming messages (negotiation.js).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InOrder, ignoresDescription, originOf } from '../../main/resources/alcove/web/js/negotiation.js';

const STABLE = { makingOffer: false, signalingState: 'stable', answerPending: false };

describe('ignoresDescription', () => {
  test('an offer in a stable state is applied by both sides', () => {
    assert.equal(ignoresDescription({ type: 'offer', polite: false, ...STABLE }), false);
    assert.equal(ignoresDescription({ type: 'offer', polite: true, ...STABLE }), false);
  });

  test('in a glare the impolite side ignores the offer and the polite side yields to it', () => {
    for (const glare of [{ makingOffer: true, signalingState: 'stable' }, { makingOffer: false, signalingState: 'have-local-offer' }]) {
      assert.equal(ignoresDescription({ type: 'offer', polite: false, answerPending: false, ...glare }), true, JSON.stringify(glare));
      assert.equal(ignoresDescription({ type: 'offer', polite: true, answerPending: false, ...glare }), false, JSON.stringify(glare));
    }
  });

  test('an answer still being applied counts as stable: the offer after it is no glare', () => {
    const applyingAnswer = { makingOffer: false, signalingState: 'have-local-offer', answerPending: true };
    assert.equal(ignoresDescription({ type: 'offer', polite: false, ...applyingAnswer }), false);
  });

  test('but an offer of our own being made still collides while an answer is applied', () => {
    assert.equal(ignoresDescription({ type: 'offer', polite: false, makingOffer: true, signalingState: 'have-local-offer', answerPending: true }), true);
  });

  test('an answer is never ignored', () => {
    for (const polite of [false, true]) {
      assert.equal(ignoresDescription({ type: 'answer', polite, makingOffer: true, signalingState: 'have-local-offer', answerPending: false }), false);
    }
  });
});

describe('originOf', () => {
  test('names the connection that wrote the SDP by its o= session id', () => {
    const sdp = 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\n';
    assert.equal(originOf(sdp), '4611731400430051336');
    assert.equal(originOf(sdp.replace(' 2 IN', ' 3 IN')), '4611731400430051336', 'a renegotiation keeps the session id');
  });

  test('is null for an SDP without one', () => {
    assert.equal(originOf('v=0\r\ns=-\r\n'), null);
    assert.equal(originOf(undefined), null);
  });
});

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('InOrder', () => {
  test('a message waits until the previous one of the same peer is fully applied', async () => {
    const queue = new InOrder();
    const steps = [];
    const answer = deferred();
    const first = queue.run('p2', async () => {
      steps.push('answer: start');
      await answer.promise;
      steps.push('answer: applied');
    });
    const second = queue.run('p2', () => steps.push('offer'));
    await Promise.resolve();
    await Promise.resolve();
    assert.deepEqual(steps, ['answer: start']);
    answer.resolve();
    await Promise.all([first, second]);
    assert.deepEqual(steps, ['answer: start', 'answer: applied', 'offer']);
  });

  test('different peers do not wait for each other', async () => {
    const queue = new InOrder();
    const stuck = deferred();
    queue.run('p2', () => stuck.promise);
    let other = false;
    await queue.run('p3', () => {
      other = true;
    });
    assert.equal(other, true);
    stuck.resolve();
  });

  test('a failure reaches its caller and the next message still runs', async () => {
    const queue = new InOrder();
    const failing = queue.run('p2', async () => {
      throw new Error('OperationError');
    });
    const next = queue.run('p2', () => 'applied');
    await assert.rejects(failing, /OperationError/);
    assert.equal(await next, 'applied');
  });

  test('a task that throws at once fails like one that rejects', async () => {
    const queue = new InOrder();
    await assert.rejects(queue.run('p2', () => {
      throw new TypeError('bad');
    }), TypeError);
  });

  test('keeps nothing for a peer once its messages are done', async () => {
    const queue = new InOrder();
    await queue.run('p2', () => {});
    await queue.run('p3', () => {}).catch(() => {});
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(queue.busy, 0);
  });
});

// One peer's relayed messages through PeerLinks and PeerLink, against a fake RTCPeerConnection.
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeConnection, sdp } from './fake-connection.js';
import { PeerLinks } from '../../main/resources/alcove/web/js/peer-links.js';

const OTHER = '9000000000000000001';

function deferred() {
  let resolve;
  const promise = new Promise((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

let sent;
let errors;
let links;

beforeEach(() => {
  mock.method(console, 'debug', () => {});
  FakeConnection.made = [];
  sent = [];
  errors = [];
  links = new PeerLinks({
    send: (message) => sent.push(message),
    media: { tracks: [], stream: null },
    tiles: { stream() {}, stats() {} },
    chat: { attach() {}, detach() {} },
    onError: (error) => errors.push(error),
  });
});

afterEach(() => mock.restoreAll());

describe('PeerLinks', () => {
  test('an offer arriving while our answer is being applied is answered, not ignored, by the impolite side', async () => {
    const link = links.connect('p2', false);
    const pc = link.connection;
    await pc.setLocalDescription();
    assert.equal(pc.signalingState, 'have-local-offer');
    const applying = deferred();
    pc.holdRemote = applying.promise;

    const answer = links.relayed({ type: 'answer', from: 'p2', sdp: sdp(OTHER) });
    const offer = links.relayed({ type: 'offer', from: 'p2', sdp: sdp(OTHER) });
    await new Promise((resolve) => setImmediate(resolve));
    pc.holdRemote = null;
    applying.resolve();
    await Promise.all([answer, offer]);

    assert.deepEqual(errors, []);
    assert.equal(pc.signalingState, 'stable');
    assert.deepEqual(sent.map((m) => m.type), ['answer'], 'the offer was answered');
  });

  test('even without the queue an answer being applied counts as stable', async () => {
    const link = links.connect('p2', false);
    const pc = link.connection;
    await pc.setLocalDescription();
    const applying = deferred();
    pc.holdRemote = applying.promise;
    const answer = link.description('answer', sdp(OTHER));
    const offer = link.description('offer', sdp(OTHER));
    pc.holdRemote = null;
    applying.resolve();
    await Promise.all([answer, offer]);
    assert.deepEqual(sent.map((m) => m.type), ['answer'], 'the offer was answered');
  });

  test('in a glare the impolite side ignores the other offer, and its candidates quietly', async () => {
    const link = links.connect('p2', false);
    await link.connection.setLocalDescription();
    link.connection.addIceCandidate = async () => {
      throw new DOMException('unknown ufrag', 'OperationError');
    };
    link.connection.remoteDescription = { type: 'offer', sdp: sdp(OTHER) };
    await links.relayed({ type: 'offer', from: 'p2', sdp: sdp(OTHER) });
    await links.relayed({ type: 'candidate', from: 'p2', candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 });
    assert.equal(link.connection.signalingState, 'have-local-offer');
    assert.deepEqual(sent, []);
    assert.deepEqual(errors, []);
  });

  test('the polite side yields to the other offer and answers it', async () => {
    const link = links.connect('p2', true);
    await link.connection.setLocalDescription();
    await links.relayed({ type: 'offer', from: 'p2', sdp: sdp(OTHER) });
    assert.deepEqual(sent.map((m) => m.type), ['answer']);
  });

  test('a description the browser refuses reaches onError, and the next message is still applied', async () => {
    const link = links.connect('p2', true);
    const refusal = new DOMException('bad sdp', 'OperationError');
    link.connection.refuseRemote = refusal;
    await links.relayed({ type: 'offer', from: 'p2', sdp: sdp(OTHER) });
    assert.deepEqual(errors, [refusal]);
    link.connection.refuseRemote = null;
    await links.relayed({ type: 'offer', from: 'p2', sdp: sdp(OTHER) });
    assert.deepEqual(sent.map((m) => m.type), ['answer']);
  });

  test('nothing is reported for a link dropped while its description was applied', async () => {
    const link = links.connect('p2', true);
    const applying = deferred();
    link.connection.holdRemote = applying.promise;
    const offer = links.relayed({ type: 'offer', from: 'p2', sdp: sdp(OTHER) });
    await new Promise((resolve) => setImmediate(resolve));
    links.drop('p2');
    applying.resolve();
    await offer;
    assert.deepEqual(errors, []);
    assert.deepEqual(links.ids(), []);
  });

  test('candidates that outrun their description are added once it is applied', async () => {
    const link = links.connect('p2', true);
    await links.relayed({ type: 'candidate', from: 'p2', candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 });
    assert.deepEqual(link.connection.candidates, []);
    await links.relayed({ type: 'offer', from: 'p2', sdp: sdp(OTHER) });
    assert.deepEqual(link.connection.candidates, ['candidate:1']);
  });

  test('a description from a new connection of the other side (a reload) replaces ours', async () => {
    const first = links.connect('p2', true);
    await links.relayed({ type: 'offer', from: 'p2', sdp: sdp(OTHER) });
    await links.relayed({ type: 'offer', from: 'p2', sdp: sdp('9000000000000000002') });
    assert.equal(first.connection.signalingState, 'closed');
    assert.equal(FakeConnection.made.length, 2);
    assert.equal(FakeConnection.made[1].remoteDescription.sdp, sdp('9000000000000000002'));
    assert.deepEqual(sent.map((m) => m.type), ['answer', 'answer']);
  });

  test('when the other side comes back, only the impolite side starts a fresh connection', () => {
    links.connect('p2', false);
    links.connect('p3', true);
    links.peerReconnected('p2');
    links.peerReconnected('p3');
    assert.deepEqual(FakeConnection.made.map((pc) => pc.signalingState), ['closed', 'stable', 'stable']);
  });

  test('when our own socket comes back, only the impolite side restarts ICE', () => {
    links.connect('p2', false);
    links.connect('p3', true);
    links.ownSocketBack('p2');
    links.ownSocketBack('p3');
    assert.deepEqual(FakeConnection.made.map((pc) => Boolean(pc.restarted)), [true, false]);
  });

  test('messages from someone without a link are dropped', async () => {
    await links.relayed({ type: 'offer', from: 'nobody', sdp: sdp(OTHER) });
    await links.relayed({ type: 'candidate', from: 'nobody', candidate: 'candidate:1' });
    assert.deepEqual(errors, []);
    assert.deepEqual(sent, []);
  });
});

// Connection quality from getStats() (stats.js), with hand-made stats reports.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describe as describeSample, measure, quality } from '../../main/resources/alcove/web/js/stats.js';

// An RTCStatsReport is map-like: what measure() needs is forEach over the stats.
function connection(stats) {
  return { getStats: async () => new Map(stats.map((s) => [s.id, s])) };
}

function report({ rtt = 0.042, packetsReceived = 1000, packetsLost = 0, local = 'host', remote = 'srflx', viaTransport = true } = {}) {
  return [
    ...(viaTransport ? [{ id: 'T1', type: 'transport', selectedCandidatePairId: 'CP1' }] : []),
    { id: 'CP1', type: 'candidate-pair', localCandidateId: 'L1', remoteCandidateId: 'R1', nominated: true, state: 'succeeded', currentRoundTripTime: rtt },
    { id: 'L1', type: 'local-candidate', candidateType: local },
    { id: 'R1', type: 'remote-candidate', candidateType: remote },
    { id: 'IA', type: 'inbound-rtp', kind: 'audio', packetsReceived: packetsReceived / 2, packetsLost: packetsLost / 2 },
    { id: 'IV', type: 'inbound-rtp', kind: 'video', packetsReceived: packetsReceived / 2, packetsLost: packetsLost / 2 },
  ];
}

describe('measure', () => {
  test('reads the selected pair: round trip in ms, loss, direct', async () => {
    const sample = await measure(connection(report()), null);
    assert.deepEqual(sample, { rttMs: 42, lossPercent: 0, relayed: false, received: 1000, lost: 0 });
  });

  test('falls back to the nominated, succeeded pair when no transport names one', async () => {
    const sample = await measure(connection(report({ viaTransport: false })), null);
    assert.equal(sample.rttMs, 42);
  });

  test('is null before any pair is selected', async () => {
    assert.equal(await measure(connection([{ id: 'IA', type: 'inbound-rtp', packetsReceived: 5 }]), null), null);
  });

  test('counts loss since the previous sample, to one decimal', async () => {
    const first = await measure(connection(report({ packetsReceived: 1000, packetsLost: 0 })), null);
    const second = await measure(connection(report({ packetsReceived: 1194, packetsLost: 6 })), first);
    assert.equal(second.lossPercent, 3);
    const third = await measure(connection(report({ packetsReceived: 1194, packetsLost: 6 })), second);
    assert.equal(third.lossPercent, 0, 'nothing new received, nothing new lost');
  });

  test('is relayed when either end of the pair is a TURN relay', async () => {
    assert.equal((await measure(connection(report({ local: 'relay' })), null)).relayed, true);
    assert.equal((await measure(connection(report({ remote: 'relay' })), null)).relayed, true);
  });

  test('has no round trip until the browser measured one', async () => {
    const stats = report();
    delete stats.find((s) => s.type === 'candidate-pair').currentRoundTripTime;
    assert.equal((await measure(connection(stats), null)).rttMs, null);
  });
});

describe('quality', () => {
  test('good, fair or poor by round trip and loss', () => {
    assert.equal(quality(null), 'unknown');
    assert.equal(quality({ rttMs: 150, lossPercent: 1 }), 'good');
    assert.equal(quality({ rttMs: 151, lossPercent: 0 }), 'fair');
    assert.equal(quality({ rttMs: 20, lossPercent: 1.1 }), 'fair');
    assert.equal(quality({ rttMs: 401, lossPercent: 0 }), 'poor');
    assert.equal(quality({ rttMs: 20, lossPercent: 5.1 }), 'poor');
    assert.equal(quality({ rttMs: null, lossPercent: 0 }), 'good');
  });
});

describe('describe', () => {
  test('says round trip, loss and path in one line', () => {
    assert.equal(describeSample(null), 'Connecting…');
    assert.equal(describeSample({ rttMs: 42, lossPercent: 0.5, relayed: true }), '42 ms · 0.5% loss · relayed');
    assert.equal(describeSample({ rttMs: null, lossPercent: 0, relayed: false }), '– · 0% loss · direct');
  });
});

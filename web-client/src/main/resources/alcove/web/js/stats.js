// Connection quality towards one peer from RTCPeerConnection.getStats(): round-trip time,
// packet loss of what we receive, and whether the traffic goes through a relay (TURN).

/**
 * {rttMs, lossPercent, relayed} for the selected candidate pair, or null before one exists.
 * Loss is measured since the previous call ({@code previous} is what that call returned).
 */
export async function measure(pc, previous) {
  const report = await pc.getStats();
  let pair = null;
  let received = 0;
  let lost = 0;
  const byId = new Map();
  report.forEach((stat) => {
    byId.set(stat.id, stat);
    if (stat.type === 'transport' && stat.selectedCandidatePairId) {
      pair = stat.selectedCandidatePairId;
    }
    if (stat.type === 'inbound-rtp') {
      received += stat.packetsReceived || 0;
      lost += stat.packetsLost || 0;
    }
  });
  const selected = pair ? byId.get(pair) : [...byId.values()].find((s) => s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded');
  if (!selected) {
    return null;
  }
  const local = byId.get(selected.localCandidateId);
  const remote = byId.get(selected.remoteCandidateId);
  const newReceived = received - (previous?.received || 0);
  const newLost = lost - (previous?.lost || 0);
  const total = newReceived + newLost;
  return {
    rttMs: selected.currentRoundTripTime !== undefined ? Math.round(selected.currentRoundTripTime * 1000) : null,
    lossPercent: total > 0 ? Math.max(0, Math.round((newLost / total) * 1000) / 10) : 0,
    relayed: local?.candidateType === 'relay' || remote?.candidateType === 'relay',
    received,
    lost,
  };
}

/** Good, fair or poor, for the coloured dot next to the numbers. */
export function quality(sample) {
  if (!sample) {
    return 'unknown';
  }
  if ((sample.rttMs ?? 0) > 400 || sample.lossPercent > 5) {
    return 'poor';
  }
  if ((sample.rttMs ?? 0) > 150 || sample.lossPercent > 1) {
    return 'fair';
  }
  return 'good';
}

export function describe(sample) {
  if (!sample) {
    return 'Connecting…';
  }
  const rtt = sample.rttMs === null ? '–' : `${sample.rttMs} ms`;
  return `${rtt} · ${sample.lossPercent}% loss · ${sample.relayed ? 'relayed' : 'direct'}`;
}

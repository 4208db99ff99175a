package org.alcove.server.e2e;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;

import java.util.Map;

/**
 * Reads the selected ICE candidate pair out of a stats report, as the browser client's stats.js
 * does: the transport's {@code selectedCandidatePairId}, else a nominated succeeded pair.
 */
final class SelectedPair {
    private SelectedPair() {
    }

    /** {@code <local candidateType>/<remote candidateType>}, or {@code none} while no pair is selected. */
    static String types(RTCStatsReport report) {
        Map<String, RTCStats> stats = report.getStats();
        RTCStats pair = null;
        for (RTCStats stat : stats.values()) {
            if (stat.getType() == RTCStatsType.TRANSPORT && stat.getAttributes().get("selectedCandidatePairId") != null) {
                pair = stats.get(String.valueOf(stat.getAttributes().get("selectedCandidatePairId")));
            }
        }
        if (pair == null) {
            pair = stats.values().stream()
                    .filter(stat -> stat.getType() == RTCStatsType.CANDIDATE_PAIR
                            && Boolean.TRUE.equals(stat.getAttributes().get("nominated"))
                            && "succeeded".equals(String.valueOf(stat.getAttributes().get("state"))))
                    .findFirst().orElse(null);
        }
        if (pair == null) {
            return "none";
        }
        return typeOf(stats, pair.getAttributes().get("localCandidateId")) + "/"
                + typeOf(stats, pair.getAttributes().get("remoteCandidateId"));
    }

    private static String typeOf(Map<String, RTCStats> stats, Object candidateId) {
        RTCStats candidate = stats.get(String.valueOf(candidateId));
        return candidate == null ? "unknown" : String.valueOf(candidate.getAttributes().get("candidateType"));
    }
}

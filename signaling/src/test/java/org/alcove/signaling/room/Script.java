package org.alcove.signaling.room;

import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.recorded.RecordedSession;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded call as steps to replay, which {@link SessionMutations} may reorder, drop, forge
 * and damage. Each sender is a recorded connection (therapist, client1, ...) and stands for
 * one participant; a stranger, a client of the session the therapist never admits, may be
 * added. Steps of a sender go to its newest socket.
 */
final class Script {
    static final String STRANGER = "stranger";
    static final String AUTH = "{\"type\":\"auth\",\"token\":\"<join-token>\"}";

    sealed interface Step {
    }

    /** A text frame from {@code sender}'s current socket, {@code ms} into the call. */
    record Text(String sender, String text, long ms) implements Step {
    }

    /** {@code sender}'s current socket closes. */
    record Close(String sender, long ms) implements Step {
    }

    /** {@code sender} opens a new socket (a reload, a second device); its auth is the next Text. */
    record Open(String sender, long ms) implements Step {
    }

    /** The clock jumps forward (a stalled host, a long call). */
    record Jump(Duration by) implements Step {
    }

    /** Something from outside the call: an admin removes or a link is reissued, or the session is ended. */
    record Outside(String participantId, ErrorCode revoke, EndReason end) implements Step {
    }

    final String name;
    final List<Step> steps = new ArrayList<>();
    final Map<String, Participant> senders = new HashMap<>();

    private Script(String name) {
        this.name = name;
    }

    /** The recording as it happened: each sender opens its socket just before its first frame. */
    static Script of(RecordedSession session) {
        Script script = new Script(session.name());
        for (RecordedSession.Sender sender : session.senders()) {
            if (sender.participantId() != null) {
                script.senders.put(sender.conn(), new Participant(sender.participantId(), sender.role(),
                        "Recorded " + sender.conn()));
            }
        }
        script.senders.put(STRANGER, new Participant("p_stranger", Role.client, "Stranger"));
        List<String> seen = new ArrayList<>();
        for (RecordedSession.Line line : session.lines()) {
            if (!script.senders.containsKey(line.conn())) {
                continue;
            }
            if (!seen.contains(line.conn())) {
                seen.add(line.conn());
                script.steps.add(new Open(line.conn(), line.ms()));
            }
            script.steps.add(line.kind() == RecordedSession.Kind.close
                    ? new Close(line.conn(), line.ms())
                    : new Text(line.conn(), line.text(), line.ms()));
        }
        return script;
    }

    List<String> senderNames() {
        return senders.keySet().stream().sorted().toList();
    }

    List<String> participantIds() {
        return senders.values().stream().map(Participant::id).distinct().sorted().toList();
    }

    /** Plays every step into {@code replay}, then lets the session run out; {@code replay} checks as it goes. */
    void play(Replay replay) {
        Map<String, Connection> sockets = new HashMap<>();
        long shift = 0;
        for (Step step : steps) {
            if (step instanceof Open open) {
                replay.at(Replay.START.plusMillis(open.ms() + shift));
                sockets.put(open.sender(), replay.open(open.sender(), senders.get(open.sender())));
            } else if (step instanceof Text text) {
                replay.at(Replay.START.plusMillis(text.ms() + shift));
                Connection socket = sockets.get(text.sender());
                if (socket != null) {
                    replay.text(socket, text.text());
                }
            } else if (step instanceof Close close) {
                replay.at(Replay.START.plusMillis(close.ms() + shift));
                Connection socket = sockets.get(close.sender());
                if (socket != null) {
                    replay.close(socket);
                }
            } else if (step instanceof Jump jump) {
                shift += jump.by().toMillis();
                replay.at(replay.now().plus(jump.by()));
            } else if (step instanceof Outside outside) {
                if (outside.end() != null) {
                    replay.end(outside.end());
                } else {
                    replay.revoke(outside.participantId(), outside.revoke());
                }
            }
        }
        // The session runs out: grace periods expire, the end comes, everyone is closed.
        for (int minute = 0; minute < 120 && !replay.ended(); minute++) {
            replay.at(replay.now().plus(Duration.ofMinutes(1)));
        }
    }
}

package org.alcove.signaling.room;

import org.alcove.signaling.protocol.EndReason;
import org.alcove.signaling.protocol.ErrorCode;
import org.alcove.signaling.protocol.Role;
import org.alcove.signaling.recorded.Mutations;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Damage to a whole recorded call, on top of {@link Mutations} of single frames: frames dropped,
 * duplicated, reordered, sent by another connection, a client sending the therapist's admit,
 * negotiation before admission, a stranger in the waiting room trying to negotiate, drops with
 * right, forged and missing resume keys, second devices, time jumps, and removals and ends from
 * outside the call.
 */
final class SessionMutations {
    private static final String[] ADMIN = {"admit", "decline", "remove"};
    private final SplittableRandom random;
    private final Mutations frames;

    SessionMutations(SplittableRandom random, Script script) {
        this.random = random;
        this.frames = new Mutations(random, script.participantIds());
    }

    /** One to six mutations of {@code script}, in place. */
    void mutate(Script script) {
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits; i++) {
            mutateOnce(script);
        }
    }

    private void mutateOnce(Script script) {
        List<Script.Step> steps = script.steps;
        List<String> senders = script.senderNames();
        int at = random.nextInt(steps.size());
        Script.Step step = steps.get(at);
        long ms = msOf(step);
        String sender = senders.get(random.nextInt(senders.size()));
        String someId = script.participantIds().get(random.nextInt(script.participantIds().size()));
        switch (random.nextInt(14)) {
            case 0, 1 -> {
                if (step instanceof Script.Text text) {
                    String id = script.senders.get(text.sender()).id();
                    steps.set(at, new Script.Text(text.sender(), frames.mutate(text.text(), id), text.ms()));
                }
            }
            case 2 -> steps.remove(at);
            case 3 -> steps.add(at + random.nextInt(steps.size() - at + 1), step);
            case 4 -> {
                int other = random.nextInt(steps.size());
                steps.set(at, steps.get(other));
                steps.set(other, step);
            }
            case 5 -> {
                if (step instanceof Script.Text text) {
                    steps.set(at, new Script.Text(sender, text.text(), text.ms()));
                }
            }
            case 6 -> steps.add(at, new Script.Text(random.nextBoolean() ? sender : clientOf(script), "{\"type\":\"" + ADMIN[random.nextInt(ADMIN.length)]
                    + "\",\"participantId\":\"" + someId + "\"}", ms));
            case 7 -> negotiateEarly(script);
            case 8 -> {
                steps.add(at, new Script.Open(Script.STRANGER, ms));
                steps.add(at + 1, new Script.Text(Script.STRANGER, Script.AUTH, ms));
                for (int k = 0; k < 3; k++) {
                    if (steps.get(random.nextInt(steps.size())) instanceof Script.Text text) {
                        steps.add(at + 2 + random.nextInt(steps.size() - at - 1), new Script.Text(Script.STRANGER, text.text(), ms));
                    }
                }
                if (random.nextBoolean()) {
                    steps.add(at + 2 + random.nextInt(steps.size() - at - 1), new Script.Text(therapistOf(script),
                            "{\"type\":\"" + ADMIN[random.nextInt(ADMIN.length)] + "\",\"participantId\":\"p_stranger\"}", ms));
                }
            }
            case 9 -> {
                int back = at + random.nextInt(steps.size() - at + 1);
                steps.add(back, new Script.Text(sender, resumingAuth(), ms));
                steps.add(back, new Script.Open(sender, ms));
                if (random.nextInt(3) > 0) {
                    steps.add(at, new Script.Close(sender, ms));
                }
            }
            case 10 -> steps.add(at, new Script.Jump(Duration.ofSeconds(random.nextInt(1, 4_000))));
            case 11 -> steps.add(at, new Script.Text(sender, frames.textual(""), ms));
            case 12 -> {
                String to = random.nextBoolean() ? ",\"to\":\"" + someId + "\"" : "";
                String type = random.nextBoolean() ? "ice-restart" : "leave";
                steps.add(at, new Script.Text(sender, "{\"type\":\"" + type + "\"" + to + "}", ms));
            }
            default -> {
                if (random.nextInt(4) == 0) {
                    steps.add(at, new Script.Outside(null, null,
                            random.nextBoolean() ? EndReason.CANCELLED : EndReason.ENDED_BY_ADMIN));
                } else {
                    ErrorCode why = switch (random.nextInt(3)) {
                        case 0 -> ErrorCode.REMOVED;
                        case 1 -> ErrorCode.LINK_REISSUED;
                        default -> ErrorCode.ACCOUNT_DISABLED;
                    };
                    steps.add(at, new Script.Outside(someId, why, null));
                }
            }
        }
        if (steps.isEmpty()) {
            steps.add(new Script.Jump(Duration.ofSeconds(1)));
        }
    }

    /** Moves a client's negotiation frame to just after its own auth, before the therapist admits it. */
    private void negotiateEarly(Script script) {
        List<Script.Step> steps = script.steps;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Script.Text text && script.senders.get(text.sender()).role() == Role.client
                    && text.text().contains("\"to\"") && random.nextInt(4) == 0) {
                steps.remove(i);
                for (int j = 0; j < steps.size(); j++) {
                    if (steps.get(j) instanceof Script.Text auth && auth.sender().equals(text.sender())) {
                        steps.add(j + 1, text);
                        return;
                    }
                }
                steps.add(text);
                return;
            }
        }
    }

    private String clientOf(Script script) {
        List<String> clients = script.senderNames().stream()
                .filter(name -> script.senders.get(name).role() == Role.client).toList();
        return clients.get(random.nextInt(clients.size()));
    }

    private static String therapistOf(Script script) {
        return script.senderNames().stream()
                .filter(name -> script.senders.get(name).role() == Role.therapist).findFirst().orElseThrow();
    }

    /** A reconnect's auth with the right resume key, a forged one, or none. */
    private String resumingAuth() {
        return switch (random.nextInt(3)) {
            case 0 -> Script.AUTH;
            case 1 -> "{\"type\":\"auth\",\"token\":\"<join-token>\",\"resumeKey\":\"forged-" + random.nextInt(100) + "\"}";
            default -> "{\"type\":\"auth\",\"token\":\"<join-token>\",\"resumeKey\":\"" + Replay.RESUME_KEY + "\"}";
        };
    }

    private static long msOf(Script.Step step) {
        if (step instanceof Script.Text text) {
            return text.ms();
        } else if (step instanceof Script.Close close) {
            return close.ms();
        } else if (step instanceof Script.Open open) {
            return open.ms();
        }
        return 0;
    }
}

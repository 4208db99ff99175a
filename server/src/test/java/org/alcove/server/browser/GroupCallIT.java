package org.alcove.server.browser;

import org.alcove.server.testing.SessionRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

/**
 * A group session: the therapist and three clients form a full mesh and all see each other.
 * Four browsers at once get twice the stage's time bound (measured 47 s, and 98 s on a machine
 * with a load average near 40).
 */
@Timeout(2 * BrowserStage.TEST_SECONDS)
class GroupCallIT {
    private static final List<String> CLIENTS = List.of("Ana", "Ben", "Cleo");
    @RegisterExtension
    static final BrowserStage STAGE = new BrowserStage();
    /** Off unless -Dalcove.record-sessions=DIR: then the browsers' signalling feeds the fuzz corpus. */
    @RegisterExtension
    final SessionRecorder recorder = SessionRecorder.fromSystemProperty();

    @Test
    void therapist_and_three_clients_all_see_each_others_video() {
        Participant therapist = STAGE.participant().recordSignalling(recorder, "therapist");
        List<Participant> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS.size(); i++) {
            clients.add(STAGE.participant().recordSignalling(recorder, "client" + (i + 1)));
        }
        STAGE.admittedCall(STAGE.book(CLIENTS.toArray(String[]::new)), therapist, clients);

        // The stage saw the therapist and the clients see each other; the clients see each other too.
        for (int i = 0; i < clients.size(); i++) {
            Participant client = clients.get(i);
            for (int j = 0; j < CLIENTS.size(); j++) {
                if (j != i) {
                    client.seesVideoOf(CLIENTS.get(j));
                }
            }
        }
        therapist.screenshot("group-call-therapist");
        clients.get(0).screenshot("group-call-client");
    }
}

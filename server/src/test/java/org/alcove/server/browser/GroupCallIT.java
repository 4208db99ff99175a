package org.alcove.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.alcove.server.testing.Chromium;
import org.alcove.server.testing.SessionRecorder;
import org.alcove.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

/** A group session: the therapist and three clients form a full mesh and all see each other. */
class GroupCallIT {
    private static final List<String> CLIENTS = List.of("Ana", "Ben", "Cleo");
    private static TestServer server;
    private static Chromium chromium;
    /** Off unless -Dalcove.record-sessions=DIR: then the browsers' signalling feeds the fuzz corpus. */
    @RegisterExtension
    final SessionRecorder recorder = SessionRecorder.fromSystemProperty();

    @BeforeAll
    static void start() {
        server = TestServer.start();
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        try {
            chromium.close();
        } finally {
            server.close();
        }
    }

    @Test
    void therapist_and_three_clients_all_see_each_others_video() {
        String token = server.api().newTherapist("group@example.test");
        JsonNode session = server.api().schedule(token, server.clock().instant(), 50, CLIENTS.toArray(String[]::new));
        List<Participant> everyone = new ArrayList<>();
        try {
            Participant therapist = Participant.in(chromium);
            everyone.add(therapist);
            therapist.recordSignalling(recorder, "therapist");
            therapist.open(server, session.get("therapistLink").asText()).passDeviceCheck();
            List<Participant> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS.size(); i++) {
                Participant client = Participant.in(chromium);
                everyone.add(client);
                clients.add(client);
                client.recordSignalling(recorder, "client" + (i + 1));
                client.open(server, session.get("clientLinks").get(i).get("link").asText()).passDeviceCheck();
                therapist.button("Admit " + CLIENTS.get(i)).click();
            }

            for (String name : CLIENTS) {
                therapist.seesVideoOf(name);
            }
            for (int i = 0; i < clients.size(); i++) {
                Participant client = clients.get(i);
                client.seesVideoOf("Therapist");
                for (int j = 0; j < CLIENTS.size(); j++) {
                    if (j != i) {
                        client.seesVideoOf(CLIENTS.get(j));
                    }
                }
            }
            therapist.screenshot("group-call-therapist");
            clients.get(0).screenshot("group-call-client");
        } finally {
            everyone.forEach(Participant::close);
        }
    }
}

package org.alcove.server.testing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Recorded frames keep their structure but lose their secrets and real addresses. */
class RedactionTest {

    @Test
    void auth_keeps_its_shape_without_the_token_or_resume_key() {
        assertEquals("{\"type\":\"auth\",\"token\":\"<join-token>\",\"resumeKey\":\"<resume-key>\"}",
                new Redaction().message("{\"type\":\"auth\",\"token\":\"eyJhbGciOi.eyJzdWIi.c2ln\",\"resumeKey\":\"k_abc\"}"));
    }

    @Test
    void candidate_addresses_become_documentation_addresses_consistently() {
        Redaction redaction = new Redaction();
        String first = redaction.message("{\"type\":\"candidate\",\"to\":\"p_1\",\"candidate\":"
                + "\"candidate:1 1 udp 1677729535 203.0.113.77 46154 typ srflx raddr 10.1.2.3 rport 5000\"}");
        String second = redaction.message("{\"type\":\"candidate\",\"to\":\"p_1\",\"candidate\":"
                + "\"candidate:2 1 udp 2122262783 fd00:1:2::3 50726 typ host generation 0 raddr 10.1.2.3\"}");
        assertEquals("{\"type\":\"candidate\",\"to\":\"p_1\",\"candidate\":"
                + "\"candidate:1 1 udp 1677729535 192.0.2.1 46154 typ srflx raddr 192.0.2.2 rport 5000\"}", first);
        assertEquals("{\"type\":\"candidate\",\"to\":\"p_1\",\"candidate\":"
                + "\"candidate:2 1 udp 2122262783 2001:db8::1 50726 typ host generation 0 raddr 192.0.2.2\"}", second);
    }

    @Test
    void sdp_addresses_change_but_fingerprints_and_placeholder_addresses_stay() {
        String sdp = "v=0\r\no=- 46 2 IN IP4 127.0.0.1\r\nc=IN IP4 198.51.100.9\r\na=rtcp:9 IN IP4 0.0.0.0\r\n"
                + "a=fingerprint:sha-256 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"
                + ":AB:CD:EF:01:23:45:67:89\r\na=candidate:1 1 udp 2122260223 198.51.100.9 50000 typ host\r\n";
        String expected = sdp.replace("198.51.100.9", "192.0.2.1");
        assertEquals(expected, new Redaction().addresses(sdp));
    }
}

package org.alcove.signaling.recorded;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed corpus holds real calls, and nothing secret or identifying from the machine that recorded them. */
class RecordedSessionsTest {
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])\\d{1,3}(\\.\\d{1,3}){3}(?![\\d.])");
    private static final Pattern IPV6 = Pattern.compile(" ([0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4} ");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]*)\"");
    private static final Pattern RESUME_KEY = Pattern.compile("\"resumeKey\":\"([^\"]*)\"");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.");

    private final List<RecordedSession> sessions = RecordedSession.all();

    @Test
    void the_corpus_holds_calls_from_both_kinds_of_client_with_a_group_among_them() {
        assertTrue(sessions.stream().anyMatch(s -> s.name().startsWith("WebRtcCallIT.")), "webrtc-java calls");
        assertTrue(sessions.stream().anyMatch(s -> s.name().startsWith("CallJourneyIT.")
                || s.name().startsWith("GroupCallIT.")), "browser calls");
        assertTrue(sessions.stream().anyMatch(s -> s.senders().size() >= 3), "a group call");
        for (RecordedSession session : sessions) {
            assertTrue(session.senders().stream().allMatch(s -> s.participantId() != null && s.role() != null),
                    session.name() + ": every connection knows who it was");
        }
    }

    @Test
    void recordings_hold_no_join_token_resume_key_or_real_address() {
        for (RecordedSession session : sessions) {
            for (String text : session.texts()) {
                String where = session.name() + ": " + text.substring(0, Math.min(80, text.length()));
                assertFalse(JWT.matcher(text).find(), where + " holds a JWT");
                all(TOKEN, text).forEach(token -> assertEquals("<join-token>", token, where));
                all(RESUME_KEY, text).forEach(key -> assertEquals("<resume-key>", key, where));
                String lines = text.replace("\\r\\n", " \n ").replace("\\n", " \n ");
                for (String address : all(IPV4, lines)) {
                    assertTrue(Set.of("0.0.0.0", "127.0.0.1").contains(address) || address.startsWith("192.0.2."),
                            where + " holds the address " + address);
                }
                for (String address : all(IPV6, lines)) {
                    String trimmed = address.trim();
                    assertTrue(Set.of("::", "::1").contains(trimmed) || trimmed.startsWith("2001:db8:"),
                            where + " holds the address " + trimmed);
                }
            }
        }
    }

    /** Every match, or its first group when the pattern has one. */
    private static List<String> all(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(pattern == TOKEN || pattern == RESUME_KEY ? matcher.group(1) : matcher.group());
        }
        return found;
    }
}

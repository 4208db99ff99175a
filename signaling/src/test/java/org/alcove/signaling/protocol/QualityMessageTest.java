package org.alcove.signaling.protocol;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QualityMessageTest {
    private final MessageCodec codec = new MessageCodec();

    @Test
    void a_quality_report_parses_with_integer_or_fractional_loss() throws Exception {
        assertEquals(new ClientMessage.Quality("t-1", 35, 0.0, true),
                codec.parse("{\"type\":\"quality\",\"peerId\":\"t-1\",\"rttMs\":35,\"lossPercent\":0,\"relayed\":true}"));
        assertEquals(new ClientMessage.Quality("t-1", 35, 1.25, false),
                codec.parse("{\"type\":\"quality\",\"peerId\":\"t-1\",\"rttMs\":35,\"lossPercent\":1.25,\"relayed\":false}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"quality\",\"rttMs\":1,\"lossPercent\":0,\"relayed\":true}|peerId",
        "{\"type\":\"quality\",\"peerId\":\"t\",\"rttMs\":-1,\"lossPercent\":0,\"relayed\":true}|rttMs",
        "{\"type\":\"quality\",\"peerId\":\"t\",\"rttMs\":60001,\"lossPercent\":0,\"relayed\":true}|rttMs",
        "{\"type\":\"quality\",\"peerId\":\"t\",\"rttMs\":1.5,\"lossPercent\":0,\"relayed\":true}|rttMs",
        "{\"type\":\"quality\",\"peerId\":\"t\",\"rttMs\":1,\"lossPercent\":100.5,\"relayed\":true}|lossPercent",
        "{\"type\":\"quality\",\"peerId\":\"t\",\"rttMs\":1,\"lossPercent\":\"1\",\"relayed\":true}|lossPercent",
        "{\"type\":\"quality\",\"peerId\":\"t\",\"rttMs\":1,\"lossPercent\":1}|relayed",
        "{\"type\":\"quality\",\"peerId\":\"t\",\"rttMs\":1,\"lossPercent\":1,\"relayed\":\"yes\"}|relayed",
        "{\"type\":\"quality\",\"peerId\":\"t\",\"rttMs\":1,\"lossPercent\":1,\"relayed\":true,\"sdp\":\"v=0\"}|sdp",
    })
    void out_of_range_missing_or_coerced_fields_are_invalid(String text, String field) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.parse(text));
        assertEquals(ErrorCode.INVALID_FIELD, e.code());
        assertEquals(field, e.field());
    }
}

package org.alcove.signaling.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonFactory;

import java.nio.charset.StandardCharsets;

/**
 * The one place where wire text becomes messages and back. Parsing is strict: duplicate
 * keys, unknown fields, unknown types, coerced scalars, trailing data and deep nesting are
 * all refused with a stable {@link ErrorCode}. Thread-safe.
 */
public final class MessageCodec {
    /** Deepest JSON nesting accepted; real messages need three levels. */
    public static final int MAX_NESTING = 8;

    private final ObjectReader reader;
    private final ObjectWriter writer;

    public MessageCodec() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(64 * 1024)
                        .maxNumberLength(20)
                        .build())
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // ALLOW_COERCION_OF_SCALARS does not stop numbers and booleans becoming strings.
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        this.reader = mapper.readerFor(ClientMessage.class);
        this.writer = mapper.writerFor(ServerMessage.class);
    }

    /** Parses one text frame. */
    public ClientMessage parse(String text) throws ProtocolException {
        if (!startsAsObject(text)) {
            // Otherwise a bare scalar reads as an object without a type and is misreported as invalid-field.
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, null);
        }
        try {
            ClientMessage message = reader.readValue(text);
            if (message == null) {
                throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, null);
            }
            return message;
        } catch (InvalidTypeIdException e) {
            if (e.getTypeId() == null) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD, "type");
            }
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, null);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof InvalidFieldException invalid) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD, invalid.field());
            }
            throw new ProtocolException(ErrorCode.INVALID_FIELD, fieldOf(e));
        } catch (MismatchedInputException e) {
            // A path means a field was wrong (its name may be withheld when absurdly long); none means the shape was.
            if (e.getPath().isEmpty()) {
                throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, null);
            }
            throw new ProtocolException(ErrorCode.INVALID_FIELD, fieldOf(e));
        } catch (JsonMappingException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, null);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, null);
        } catch (InvalidFieldException e) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, e.field());
        } catch (RuntimeException e) {
            // Defensive: no parser surprise may escape as anything but a protocol error.
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, null);
        }
    }

    /**
     * Serialises one outbound message. Jackson's byte generator plus one decode is cheaper than
     * its character generator, which builds the text in freshly allocated segments (about a
     * third of the serialising time of a relayed offer). It writes characters outside the Basic
     * Multilingual Plane and lone surrogates as backslash-u escapes, which JSON parsers read back
     * as the same text (a lone surrogate would otherwise reach the wire as {@code ?}).
     */
    public String write(ServerMessage message) {
        try {
            return new String(writer.writeValueAsBytes(message), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + message.getClass().getSimpleName(), e);
        }
    }

    private static boolean startsAsObject(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c == '{';
            }
        }
        return false;
    }

    private static String fieldOf(JsonMappingException e) {
        var path = e.getPath();
        if (path.isEmpty()) {
            return null;
        }
        String name = path.get(0).getFieldName();
        return name == null || name.length() > 64 ? null : name;
    }
}

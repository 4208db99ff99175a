package org.alcove.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The one HTTP {@link ObjectMapper}: duplicate keys, unknown fields, trailing content and
 * type mismatches are errors that name the field; instants are written as ISO-8601 strings.
 */
public final class Json {
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // A number or boolean where text is expected is a type mismatch, not text.
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .addModule(new JavaTimeModule())
            .build();

    public <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ApiException.malformedJson("The request body is empty.");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw ApiException.malformedJson("The request body must be a JSON object.");
            }
            return value;
        } catch (JsonMappingException e) {
            throw mappingProblem(e);
        } catch (JsonProcessingException e) {
            throw parseProblem(e);
        } catch (IOException e) {
            throw ApiException.malformedJson("The request body could not be read.");
        }
    }

    private static ApiException parseProblem(JsonProcessingException e) {
        // Parser messages quote the input; give a fixed text plus the position only.
        String where = e.getLocation() == null ? "" : " near column " + e.getLocation().getColumnNr();
        String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                ? "A field appears twice" : "The body is not well-formed JSON";
        return ApiException.malformedJson(what + where + ".");
    }

    private static ApiException mappingProblem(JsonMappingException e) {
        if (e.getCause() instanceof StreamReadException cause) {
            return parseProblem(cause);
        }
        String field = path(e);
        if (e instanceof UnrecognizedPropertyException) {
            return ApiException.unknownField(field);
        }
        if (field.isEmpty()) {
            return ApiException.malformedJson("The request body must be a JSON object.");
        }
        return e instanceof MismatchedInputException
                ? ApiException.invalidField(field, "Field '" + field + "' has the wrong type.")
                : ApiException.invalidField(field, "Field '" + field + "' is invalid.");
    }

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** {@code clients[1].email} style path of the failing field. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}

package org.switchboard.api.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.stream.Collectors;
import org.switchboard.store.db.ValidationException;

/**
 * The one JSON dialect of the API: snake_case names, ISO-8601 instants, no silent coercion of
 * wrong types, unknown fields rejected. Thread-safe; any handler thread may call it.
 */
public final class Json {
    /** Shared and immutable after construction; ObjectMapper is thread-safe for reading and writing. */
    public static final ObjectMapper MAPPER = createMapper();

    private Json() {}

    /**
     * Reads the request body as {@code type}; malformed JSON, a wrong type or an unknown field
     * becomes a {@link ValidationException} naming the field, so the client sees a 400.
     */
    public static <T> T read(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new ValidationException("body", "a JSON object is required");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new ValidationException("body", "a JSON object is required");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ValidationException(e.getPropertyName(), "is not a known field");
        } catch (JsonMappingException e) {
            throw mappingError(e);
        } catch (JacksonException e) {
            throw new ValidationException("body", "is not valid JSON");
        } catch (IOException e) {
            throw new ValidationException("body", "could not be read");
        }
    }

    private static ValidationException mappingError(JsonMappingException e) {
        // The root cause may be our own ValidationException thrown by a record constructor.
        if (e.getCause() instanceof ValidationException v) {
            return v;
        }
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (field.isEmpty()) {
            return new ValidationException("body", "must be a JSON object");
        }
        return new ValidationException(field, "has the wrong type");
    }

    private static ObjectMapper createMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        // A number or boolean sent where text is expected is a client mistake, not a string.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}

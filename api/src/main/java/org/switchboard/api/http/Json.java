package org.switchboard.api.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;
import org.switchboard.store.db.ControlCharacters;
import org.switchboard.store.db.ValidationException;

/**
 * The one JSON dialect of the API: snake_case names, ISO-8601 instants, no silent coercion of
 * wrong types (a fraction is not an integer), unknown and repeated fields rejected, no control
 * characters in text. Thread-safe; any handler thread may call it.
 */
public final class Json {
    /** Shared and immutable after construction; ObjectMapper is thread-safe for reading and writing. */
    public static final ObjectMapper MAPPER = createMapper();

    private Json() {}

    /**
     * Reads the request body as {@code type}; malformed JSON, a wrong type, an unknown or repeated
     * field or a control character in text becomes a {@link ValidationException} naming the field,
     * so the client sees a 400. A body declared as anything but {@code application/json} is a 415:
     * the caller said it sent something else, and guessing would let a form post pass as JSON.
     */
    public static <T> T read(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new ValidationException("body", "a JSON object is required");
        }
        requireJsonContentType(ctx.header("Content-Type"));
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
        } catch (StreamReadException e) {
            throw readError(e, "");
        } catch (JacksonException e) {
            throw new ValidationException("body", "is not valid JSON");
        } catch (IOException e) {
            throw new ValidationException("body", "could not be read");
        }
    }

    private static void requireJsonContentType(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                    "the body must be sent as Content-Type: application/json");
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
        if (e.getCause() instanceof StreamReadException inner) {
            // A syntax error inside a nested object arrives wrapped, with the path to that object.
            return readError(inner, field.isEmpty() ? "" : field + ".");
        }
        if (field.isEmpty()) {
            return new ValidationException("body", "must be a JSON object");
        }
        if (e instanceof TextDeserializer.ControlCharacterException) {
            return new ValidationException(field, ControlCharacters.MESSAGE);
        }
        if (e instanceof MismatchedInputException m && isWholeNumber(m.getTargetType())) {
            return new ValidationException(field, "must be a whole number");
        }
        return new ValidationException(field, "has the wrong type");
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class;
    }

    /** A syntax error; a repeated key is reported by name, since the client can act on that. */
    private static ValidationException readError(StreamReadException e, String pathPrefix) {
        // STRICT_DUPLICATE_DETECTION fails while the parser stands on the repeated name.
        if (e.getMessage().startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser p
                && p.getParsingContext().getCurrentName() != null) {
            return new ValidationException(pathPrefix + p.getParsingContext().getCurrentName(), "appears more than once");
        }
        return new ValidationException("body", "is not valid JSON");
    }

    private static ObjectMapper createMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("switchboard-text").addDeserializer(String.class, new TextDeserializer()))
                // Last-one-wins would let {"number":"1","number":"2"} mean something other than what a reviewer reads.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                // A priority of 1.5 is a mistake to report, not a 1 to store.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
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

package org.switchboard.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;
import org.switchboard.store.db.ControlCharacters;

/**
 * Reads every JSON string of a request like Jackson does, then refuses one that holds a control
 * character: one check for every text field of every route, so no route can forget it. Stateless;
 * any thread.
 */
final class TextDeserializer extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    TextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = StringDeserializer.instance.deserialize(p, ctxt);
        if (text != null && ControlCharacters.containsAny(text)) {
            // Jackson adds the field path as the exception travels up, so Json can name the field.
            throw new ControlCharacterException(p);
        }
        return text;
    }

    /** A string held a control character; its path names the field. */
    static final class ControlCharacterException extends com.fasterxml.jackson.databind.JsonMappingException {
        private static final long serialVersionUID = 1L;

        ControlCharacterException(JsonParser p) {
            super(p, ControlCharacters.MESSAGE);
        }
    }
}

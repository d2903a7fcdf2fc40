package org.camaudit.scanner.output;

import java.io.IOException;

import org.camaudit.text.SafeText;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * The scanner's one JSON mapper, for output, spool files and inventory requests. Every string it writes passes
 * {@link SafeText#clean}: a camera that puts a NUL or a terminal escape in its model must not make the inventory
 * refuse the whole scan, so such characters become U+FFFD and the rest of the value is kept.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .registerModule(new SimpleModule("camaudit-safe-text").addSerializer(String.class, new SafeStrings()));

    private Json() {
    }

    private static final class SafeStrings extends StdSerializer<String> {

        SafeStrings() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(SafeText.clean(value));
        }
    }
}

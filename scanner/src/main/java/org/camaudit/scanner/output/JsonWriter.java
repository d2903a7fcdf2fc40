package org.camaudit.scanner.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;

/** The {@code observations} array of the inventory request, pretty-printed. */
public final class JsonWriter implements ObservationWriter {

    @Override
    public void write(List<Observation> observations, Writer out) throws IOException {
        Json.MAPPER.writer().withDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, observations);
        out.write(System.lineSeparator());
    }
}

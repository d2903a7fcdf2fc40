package org.camaudit.inventory.service;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.CacheMode;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.camaudit.inventory.Device;

/**
 * Writes every device (or every device of one site) as NDJSON for a reader that needs all of them, such as
 * an audit: one device per line in the JSON shape of the devices list, ordered by id, read through a
 * server-side cursor in one read-only transaction (one consistent snapshot, memory bounded by the fetch
 * size), then a last line {@code {"total":N}}. A stream without that line was cut short.
 */
@ApplicationScoped
public class DeviceStream {

    public static final String MEDIA_TYPE = "application/x-ndjson";

    /** Rows fetched per round trip, and entities held before the session is cleared. */
    private static final int FETCH_SIZE = 1000;

    private final Session session;
    private final ObjectMapper json;
    private final ObjectWriter deviceWriter;

    DeviceStream(Session session, ObjectMapper json) {
        this.session = session;
        this.json = json;
        this.deviceWriter = json.writerFor(Device.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /** Writes the devices of {@code site} (all when null or blank) and the total line; returns the total. */
    @Transactional
    public long write(String site, OutputStream out) throws IOException {
        session.doWork(c -> {
            try (var st = c.createStatement()) {
                st.execute("SET TRANSACTION READ ONLY");
            }
        });
        boolean bySite = site != null && !site.isBlank();
        SelectionQuery<Device> query = session.createSelectionQuery(
                bySite ? "from Device where facts.site = :site order by id" : "from Device order by id", Device.class);
        if (bySite) {
            query.setParameter("site", site.strip());
        }
        query.setFetchSize(FETCH_SIZE).setReadOnly(true).setCacheMode(CacheMode.IGNORE);
        long total = 0;
        try (ScrollableResults<Device> rows = query.scroll(ScrollMode.FORWARD_ONLY);
                JsonGenerator lines = json.getFactory().createGenerator(out)) {
            lines.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            lines.setRootValueSeparator(new SerializedString("\n"));
            while (rows.next()) {
                deviceWriter.writeValue(lines, rows.get());
                if (++total % FETCH_SIZE == 0) {
                    session.clear();
                }
            }
            lines.writeStartObject();
            lines.writeNumberField("total", total);
            lines.writeEndObject();
            lines.writeRaw('\n');
        }
        return total;
    }
}

package org.camaudit.audit.client;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A device as inventory-service lists it: the scanner's observation fields plus the inventory's own.
 * Fields the audit does not know are ignored, so the inventory may grow without breaking audits.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Device(
        @JsonDeserialize(using = IdText.class) String id,
        String site,
        String ip,
        String mac,
        String manufacturer,
        String reportedManufacturer,
        String model,
        String firmwareVersion,
        String serialNumber,
        String hardwareId,
        List<String> discoveredBy,
        Onvif onvif,
        List<Integer> httpPorts,
        List<Evidence> evidence,
        String location,
        String owner,
        String status,
        String lastSeen) {

    /** The status inventory-service gives a device taken out of service. */
    public static final String RETIRED = "retired";

    public List<String> discoveredByOrEmpty() {
        return discoveredBy == null ? List.of() : discoveredBy;
    }

    public List<Evidence> evidenceOrEmpty() {
        return evidence == null ? List.of() : evidence;
    }

    public List<String> onvifScopes() {
        return onvif == null || onvif.scopes() == null ? List.of() : onvif.scopes();
    }

    public boolean retired() {
        return RETIRED.equalsIgnoreCase(status);
    }

    /** What the ONVIF device service told about itself. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Onvif(List<String> xaddrs, List<String> scopes, Boolean authRequired) {
    }

    /** One fact a probe collected: where it came from, which field, the value as received. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evidence(String source, String field, String value) {
    }

    /**
     * Inventory's device id is a JSON number; the audit keeps it as text. The shared strict mapper refuses to
     * coerce a number into a string, so this field says explicitly that it may.
     */
    static final class IdText extends StdScalarDeserializer<String> {
        IdText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken().isScalarValue()) {
                return parser.getValueAsString();
            }
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
    }
}

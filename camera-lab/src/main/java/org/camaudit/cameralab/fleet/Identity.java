package org.camaudit.cameralab.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a camera says it is. Every field is optional in a fleet file (the profile fills the gaps)
 * and always complete in the manifest.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Identity(String manufacturer, String model, String firmwareVersion, String serialNumber,
        String hardwareId, String mac) {

    public static final Identity EMPTY = new Identity(null, null, null, null, null, null);

    /** This identity with every missing field taken from {@code defaults}. */
    public Identity orElse(Identity defaults) {
        return new Identity(
                manufacturer != null ? manufacturer : defaults.manufacturer,
                model != null ? model : defaults.model,
                firmwareVersion != null ? firmwareVersion : defaults.firmwareVersion,
                serialNumber != null ? serialNumber : defaults.serialNumber,
                hardwareId != null ? hardwareId : defaults.hardwareId,
                mac != null ? mac : defaults.mac);
    }
}

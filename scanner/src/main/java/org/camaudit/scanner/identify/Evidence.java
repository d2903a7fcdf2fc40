package org.camaudit.scanner.identify;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One fact and where it came from: {@code source} names the probe and message
 * (e.g. {@code onvif.GetDeviceInformation}, {@code sadp}, {@code http.server}), {@code field} the
 * element or header, {@code value} what the device said, verbatim.
 */
@RegisterForReflection
public record Evidence(String source, String field, String value) {
}

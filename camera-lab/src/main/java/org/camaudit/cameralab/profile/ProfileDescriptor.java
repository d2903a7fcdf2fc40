package org.camaudit.cameralab.profile;

import java.util.List;
import java.util.Map;

import org.camaudit.cameralab.fleet.Identity;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A profile's {@code profile.json}: who the camera is by default, which protocols its firmware
 * answers and where its reply templates come from. Template paths are relative to the
 * {@code profiles/} resource folder.
 *
 * @param restricted the vendor is named by NDAA §889 (Hikvision, Dahua and their firmware)
 * @param synthetic no recording exists; built from public documentation
 * @param serialFormat how generated serial numbers look: {@code {model}}, {@code {mac}} (12 hex digits),
 *        {@code {date}} (yyyyMMdd), {@code {dN}} N digits, {@code {hN}}/{@code {xN}} N upper/lower-case hex
 *        digits, {@code {aN}} N capitals
 * @param ouis real IEEE OUIs of the vendor (IEEE registry, ieee-data 2022-08-27), for generated MACs
 * @param models model variants for generated fleets (the identity's model is always one of them)
 * @param wsDiscoveryTypes the {@code d:Types} of the camera's ProbeMatches, Hello and Bye
 * @param wsDiscoveryScopes the scopes WS-Discovery announces (a template, space separated) when the firmware
 *        announces other scopes than GetScopes returns; absent: the GetScopes items
 * @param utcOffsetMinutes the time zone the camera reports its local clock in
 * @param vars further constant template values of this profile
 */
@RegisterForReflection
public record ProfileDescriptor(String id, String vendor, boolean restricted, String description, String source,
        boolean synthetic, Identity identity, String serialFormat, List<String> ouis, List<ModelVariant> models,
        boolean sadp, boolean dhip, String wsDiscoveryTypes, String wsDiscoveryScopes, int utcOffsetMinutes, FaultReply notAuthorized,
        FaultReply unknownOperation, Map<String, String> vars, HttpDescriptor http, RtspDescriptor rtsp) {

    /**
     * RTSP on port 554, for firmware whose recordings or documentation show it: the {@code Server}
     * header of its replies (absent when it sends none) and the realm of its challenge (a template),
     * {@code auth} {@code digest} or {@code basic}. Absent: the camera has no RTSP port.
     */
    @RegisterForReflection
    public record RtspDescriptor(String server, String realm, String auth, String source) {
    }

    /** A model of the vendor, with the firmware and hardware id it ships with. */
    @RegisterForReflection
    public record ModelVariant(String model, String firmwareVersion, String hardwareId) {
    }

    /** A SOAP fault template and the HTTP status it travels with (derived from its code when absent). */
    @RegisterForReflection
    public record FaultReply(String template, Integer status) {
    }

    /** The web UI: the {@code Server} header and the pages the firmware serves. */
    @RegisterForReflection
    public record HttpDescriptor(String server, List<PageDescriptor> pages, PageDescriptor notFound) {
    }

    /**
     * One web page or API path. {@code path} may carry a query ({@code /cgi-bin/x.cgi?action=y}),
     * then the query must match exactly. {@code auth}: {@code digest} or {@code basic} (the camera's
     * account), absent for public pages; {@code realm} is a template string.
     */
    @RegisterForReflection
    public record PageDescriptor(String path, String method, Integer status, String contentType, String body,
            String auth, String realm, Map<String, String> headers) {
    }
}

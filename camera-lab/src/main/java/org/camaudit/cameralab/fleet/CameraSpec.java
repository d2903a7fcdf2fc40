package org.camaudit.cameralab.fleet;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One camera of a fleet file, and one entry of the manifest. In a fleet file only {@code ip} and
 * {@code profile} are required; in the manifest every field is filled in.
 *
 * @param sadp answer Hikvision SADP (only profiles with Hikvision firmware do)
 * @param dhip answer Dahua DHIP discovery (only Dahua profiles do)
 * @param http serve the web UI and the ONVIF service over HTTP
 * @param clockSkewSeconds how far the camera's clock is ahead of (positive) or behind real time
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CameraSpec(String ip, String profile, Identity identity, OnvifSettings onvif, Boolean sadp,
        Boolean dhip, Boolean http, Long clockSkewSeconds, List<Fault> faults) {
}

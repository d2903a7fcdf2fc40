package org.camaudit.cameralab.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Misbehaviours a simulated camera can be given, so a scanner's hardening can be proven. */
@RegisterForReflection
public enum Fault {
    /** Every reply (UDP and HTTP) is sent only after {@code camera-lab.slow-delay}. */
    @JsonProperty("slow")
    SLOW,
    /** Sockets are bound, connections accepted, requests read, but nothing is ever answered. */
    @JsonProperty("silent")
    SILENT,
    /** XML and JSON replies are cut short and never well-formed. */
    @JsonProperty("malformed")
    MALFORMED,
    /** XML replies carry a DOCTYPE whose external entity points at a local file. */
    @JsonProperty("xxe")
    XXE,
    /** SOAP replies stream a body of {@code camera-lab.huge-body-bytes} bytes. */
    @JsonProperty("huge")
    HUGE,
    /** After one failed login every HTTP request is refused for {@code camera-lab.lockout-duration}. */
    @JsonProperty("lockout")
    LOCKOUT,
    /** Every HTTP request is answered 500 Internal Server Error. */
    @JsonProperty("http500")
    HTTP500
}

package org.camaudit.cameralab.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A loaded profile: the descriptor plus every template compiled.
 *
 * @param operations ONVIF device-service operation name to reply template
 * @param recordedFault looks up the fault the firmware was recorded sending for an operation
 * @param discoveryScopes the scopes WS-Discovery announces, or null when they are the GetScopes items
 */
public record Profile(ProfileDescriptor descriptor, Map<String, Template> operations,
        Function<String, Optional<SoapFault>> recordedFault, SoapFault notAuthorized,
        SoapFault unknownOperation, SoapFault wellFormed, Template probeMatches, Template hello, Template bye,
        Template sadpReply, Template dhipReply, String server, List<Page> pages, Page notFound,
        Template discoveryScopes) {

    public String id() {
        return descriptor.id();
    }

    /** A SOAP fault reply and its HTTP status. */
    public record SoapFault(Template template, int status) {
    }

    /** A compiled web page. */
    public record Page(String path, String query, String method, int status, String contentType, Template body,
            String auth, Template realm, Map<String, String> headers) {
    }
}

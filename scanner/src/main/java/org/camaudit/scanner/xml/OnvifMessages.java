package org.camaudit.scanner.xml;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

import org.onvif.ver10.device.wsdl.GetDeviceInformationResponse;
import org.onvif.ver10.device.wsdl.GetNetworkInterfacesResponse;
import org.onvif.ver10.device.wsdl.GetScopesResponse;
import org.onvif.ver10.schema.DateTime;
import org.w3c.dom.Element;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Binds ONVIF device-service replies to the ONVIF library's JAXB types. JAXB only ever reads DOM
 * elements produced by {@link SafeXml}; it never parses bytes itself. One small context per type:
 * GetSystemDateAndTime is bound at its {@code UTCDateTime} ({@link DateTime}), because the full
 * response type drags in most of the ONVIF schema and takes seconds to bind the first time.
 */
@RegisterForReflection(targets = { GetDeviceInformationResponse.class, GetNetworkInterfacesResponse.class,
        GetScopesResponse.class, DateTime.class, org.onvif.ver10.schema.Date.class, org.onvif.ver10.schema.Time.class,
        org.onvif.ver10.schema.NetworkInterface.class, org.onvif.ver10.schema.NetworkInterfaceInfo.class,
        org.onvif.ver10.schema.Scope.class, org.onvif.ver10.schema.ScopeDefinition.class })
public final class OnvifMessages {

    private static final Map<Class<?>, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();
    /** In the order a device is asked. */
    private static final Class<?>[] TYPES = { DateTime.class, GetDeviceInformationResponse.class,
            GetNetworkInterfacesResponse.class, GetScopesResponse.class };

    private OnvifMessages() {
    }

    /** Builds every binding context now (a scan does this while its UDP sweep runs). */
    public static void warmUp() {
        for (Class<?> type : TYPES) {
            try {
                context(type);
            } catch (JAXBException e) {
                throw new IllegalStateException("the ONVIF bindings cannot be built", e);
            }
        }
    }

    private static JAXBContext context(Class<?> type) throws JAXBException {
        JAXBContext context = CONTEXTS.get(type);
        if (context == null) {
            synchronized (type) {
                context = CONTEXTS.get(type);
                if (context == null) {
                    context = JAXBContext.newInstance(type);
                    CONTEXTS.put(type, context);
                }
            }
        }
        return context;
    }

    public static GetDeviceInformationResponse deviceInformation(Element payload) throws XmlRejectedException {
        return bind(payload, GetDeviceInformationResponse.class);
    }

    public static GetNetworkInterfacesResponse networkInterfaces(Element payload) throws XmlRejectedException {
        return bind(payload, GetNetworkInterfacesResponse.class);
    }

    public static GetScopesResponse scopes(Element payload) throws XmlRejectedException {
        return bind(payload, GetScopesResponse.class);
    }

    /** The camera's UTC clock from a GetSystemDateAndTimeResponse; empty when it does not give one. */
    public static Optional<DateTime> utcDateTime(Element payload) throws XmlRejectedException {
        expect(payload, "GetSystemDateAndTimeResponse");
        Optional<Element> utc = Dom.descendant(payload, "UTCDateTime");
        if (utc.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(unmarshal(utc.get(), DateTime.class, "UTCDateTime"));
    }

    private static <T> T bind(Element payload, Class<T> type) throws XmlRejectedException {
        expect(payload, type.getSimpleName());
        return unmarshal(payload, type, type.getSimpleName());
    }

    private static void expect(Element payload, String localName) throws XmlRejectedException {
        if (!localName.equals(payload.getLocalName())) {
            throw new XmlRejectedException("expected " + localName + " but got " + payload.getLocalName());
        }
    }

    private static <T> T unmarshal(Element element, Class<T> type, String name) throws XmlRejectedException {
        try {
            return context(type).createUnmarshaller().unmarshal(element, type).getValue();
        } catch (JAXBException | RuntimeException e) {
            throw new XmlRejectedException(name + " does not bind");
        }
    }
}

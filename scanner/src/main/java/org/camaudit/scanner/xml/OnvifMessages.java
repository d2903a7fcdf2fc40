package org.camaudit.scanner.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;

import org.onvif.ver10.device.wsdl.GetDeviceInformationResponse;
import org.onvif.ver10.device.wsdl.GetNetworkInterfacesResponse;
import org.onvif.ver10.device.wsdl.GetScopesResponse;
import org.onvif.ver10.device.wsdl.GetSystemDateAndTimeResponse;
import org.w3c.dom.Element;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Binds ONVIF device-service replies to the ONVIF library's JAXB types. JAXB only ever reads DOM
 * elements produced by {@link SafeXml}; it never parses bytes itself.
 */
@RegisterForReflection(targets = { GetDeviceInformationResponse.class, GetNetworkInterfacesResponse.class,
        GetScopesResponse.class, GetSystemDateAndTimeResponse.class, org.onvif.ver10.schema.NetworkInterface.class,
        org.onvif.ver10.schema.NetworkInterfaceInfo.class, org.onvif.ver10.schema.Scope.class,
        org.onvif.ver10.schema.SystemDateTime.class, org.onvif.ver10.schema.DateTime.class,
        org.onvif.ver10.schema.Date.class, org.onvif.ver10.schema.Time.class })
public final class OnvifMessages {

    private static volatile JAXBContext context;

    private OnvifMessages() {
    }

    private static JAXBContext context() throws JAXBException {
        JAXBContext local = context;
        if (local == null) {
            synchronized (OnvifMessages.class) {
                local = context;
                if (local == null) {
                    local = JAXBContext.newInstance(GetDeviceInformationResponse.class, GetNetworkInterfacesResponse.class,
                            GetScopesResponse.class, GetSystemDateAndTimeResponse.class);
                    context = local;
                }
            }
        }
        return local;
    }

    /**
     * Binds a SOAP body payload element to the given response type.
     *
     * @throws XmlRejectedException when the element is not that response or does not bind
     */
    public static <T> T bind(Element payload, Class<T> type) throws XmlRejectedException {
        String expected = type.getSimpleName();
        if (!expected.equals(payload.getLocalName())) {
            throw new XmlRejectedException("expected " + expected + " but got " + payload.getLocalName());
        }
        try {
            Unmarshaller unmarshaller = context().createUnmarshaller();
            return unmarshaller.unmarshal(payload, type).getValue();
        } catch (JAXBException | RuntimeException e) {
            throw new XmlRejectedException(expected + " does not bind");
        }
    }
}

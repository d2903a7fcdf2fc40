package org.camaudit.audit.evaluation;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.camaudit.audit.client.Device;

/**
 * Devices built from recorded ONVIF GetDeviceInformation responses (src/test/resources/fixtures), the way the
 * scanner reports them: the identity fields plus one evidence item per element and per declared namespace.
 */
final class FixtureDevices {

    private static final String SOURCE = "onvif.GetDeviceInformation";

    private FixtureDevices() {
    }

    static Device fromOnvif(String fixture, String mac, String manufacturer) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document xml;
        try (InputStream in = FixtureDevices.class.getClassLoader()
                .getResourceAsStream("fixtures/onvif/" + fixture + "/GetDeviceInformationResponse.xml")) {
            xml = factory.newDocumentBuilder().parse(in);
        }
        List<Device.Evidence> evidence = new ArrayList<>();
        NamedNodeMap attributes = xml.getDocumentElement().getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if (attribute.getNodeName().startsWith("xmlns:")) {
                evidence.add(new Device.Evidence(SOURCE, "namespace", attribute.getNodeName() + "=" + attribute.getNodeValue()));
            }
        }
        String[] fields = { "Manufacturer", "Model", "FirmwareVersion", "SerialNumber", "HardwareId" };
        String[] values = new String[fields.length];
        for (int f = 0; f < fields.length; f++) {
            NodeList nodes = xml.getElementsByTagNameNS("http://www.onvif.org/ver10/device/wsdl", fields[f]);
            values[f] = nodes.getLength() == 0 ? null : ((Element) nodes.item(0)).getTextContent().trim();
            if (values[f] != null && !values[f].isEmpty()) {
                evidence.add(new Device.Evidence(SOURCE, fields[f], values[f]));
            }
        }
        return new Device("fixture-" + fixture, "HQ", "10.1.0.23", mac, manufacturer, values[0], values[1], values[2],
                values[3], values[4], List.of("ws-discovery", "onvif"), null, List.of(80), evidence, null, null,
                "active", null);
    }
}

package org.camaudit.scanner.udp;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.camaudit.scanner.identify.Evidence;
import org.camaudit.scanner.identify.Sources;
import org.camaudit.scanner.target.Addresses;
import org.camaudit.scanner.xml.Dom;
import org.camaudit.scanner.xml.SafeXml;
import org.camaudit.scanner.xml.XmlRejectedException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Hikvision SADP on UDP 37020: an {@code inquiry} Probe sent to 239.255.255.250 (devices ignore
 * unicast inquiries); every Hikvision-firmware device on the segment answers with a ProbeMatch
 * carrying model, serial, MAC, firmware and ports, whether or not ONVIF is enabled.
 */
public final class SadpProbe implements MulticastUdpProbe {

    public static final int PORT = 37020;
    private static final String GROUP = "239.255.255.250";
    private static final InetAddress GROUP_ADDRESS = MulticastUdpProbe.literalGroup(GROUP);

    /** The reply fields kept as evidence, with the names Hikvision gives them. */
    static final List<String> FIELDS = List.of("DeviceType", "DeviceDescription", "DeviceSN", "MAC", "IPv4Address",
            "HttpPort", "CommandPort", "SoftwareVersion", "DSPVersion", "BootTime", "Activated", "OEMInfo");

    private final String uuid;
    private final int maxReplyBytes;

    public SadpProbe(UUID scanUuid, int maxReplyBytes) {
        this.uuid = scanUuid.toString().toUpperCase(Locale.ROOT);
        this.maxReplyBytes = maxReplyBytes;
    }

    @Override
    public String method() {
        return Sources.SADP;
    }

    @Override
    public int port() {
        return PORT;
    }

    @Override
    public InetAddress group() {
        return GROUP_ADDRESS;
    }

    /** Hikvision firmware answers inquiries to the group, where SADP tools listen on port 37020. */
    @Override
    public boolean repliesToGroup() {
        return true;
    }

    @Override
    public List<byte[]> multicastRequests(int round) {
        String request = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Probe><Uuid>" + uuid
                + "</Uuid><Types>inquiry</Types></Probe>";
        return List.of(request.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<DiscoveryReply> parse(InetAddress from, byte[] data, int length) {
        Document document;
        try {
            document = SafeXml.parse(data, 0, length, maxReplyBytes);
        } catch (XmlRejectedException e) {
            return List.of(DiscoveryReply.unparseable(Sources.SADP, e.getMessage()));
        }
        Element root = document.getDocumentElement();
        if (root == null || !"ProbeMatch".equals(root.getLocalName())) {
            return List.of();
        }
        List<Evidence> evidence = new ArrayList<>();
        for (String field : FIELDS) {
            Dom.childText(root, field).ifPresent(value -> evidence.add(new Evidence(Sources.SADP, field, value)));
        }
        Dom.childText(root, "Uuid").filter(u -> u.equalsIgnoreCase(uuid))
                .ifPresent(u -> evidence.add(new Evidence(Sources.SADP, "Uuid", u)));
        if (evidence.isEmpty()) {
            return List.of();
        }
        String claimed = Dom.childText(root, "IPv4Address").filter(Addresses::isDottedQuad).orElse(null);
        Integer httpPort = Dom.childText(root, "HttpPort").flatMap(SadpProbe::port).orElse(null);
        return List.of(new DiscoveryReply(Sources.SADP, claimed, evidence, List.of(), List.of(), httpPort));
    }

    static Optional<Integer> port(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            return port > 0 && port < 65536 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package org.camaudit.scanner.udp;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camaudit.scanner.identify.Evidence;
import org.camaudit.scanner.identify.Sources;
import org.camaudit.scanner.target.Addresses;
import org.camaudit.scanner.xml.Dom;
import org.camaudit.scanner.xml.SafeXml;
import org.camaudit.scanner.xml.Soap;
import org.camaudit.scanner.xml.XmlRejectedException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * WS-Discovery (2005/04, as ONVIF uses it) on UDP 3702: a Probe to every target and to
 * 239.255.255.250. Each request carries its own MessageID, derived from one random scan UUID, the
 * round and the target index, so a reply's RelatesTo proves which request it answers without a
 * table of outstanding requests. Some firmware answers only one Probe type, so rounds alternate
 * between {@code dn:NetworkVideoTransmitter} and {@code tds:Device}.
 */
public final class WsDiscoveryProbe implements UnicastUdpProbe, MulticastUdpProbe {

    public static final int PORT = 3702;
    private static final String GROUP = "239.255.255.250";
    private static final InetAddress GROUP_ADDRESS = MulticastUdpProbe.literalGroup(GROUP);
    private static final String[] TYPES = { "dn:NetworkVideoTransmitter", "tds:Device" };
    private static final int MULTICAST_INDEX = 0xFFFFFF;

    private static final String ID = "{id}";
    private static final String TYPE = "{type}";
    private static final String TEMPLATE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
            + " xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\""
            + " xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\""
            + " xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
            + "<s:Header><a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action>"
            + "<a:MessageID>urn:uuid:" + ID + "</a:MessageID>"
            + "<a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>"
            + "<a:To s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header>"
            + "<s:Body><d:Probe><d:Types>" + TYPE + "</d:Types></d:Probe></s:Body></s:Envelope>";

    /**
     * The template cut around the MessageID, per Probe type: a request is the head, the MessageID's
     * 36 characters and the tail, written into the sender's buffer without a string per datagram.
     */
    private static final byte[] HEAD = ascii(TEMPLATE.substring(0, TEMPLATE.indexOf(ID)));
    private static final byte[][] TAILS = Arrays.stream(TYPES)
            .map(type -> ascii(TEMPLATE.substring(TEMPLATE.indexOf(ID) + ID.length()).replace(TYPE, type)))
            .toArray(byte[][]::new);
    private static final byte[] HEX = ascii("0123456789abcdef");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final UUID scanUuid;
    private final int targetCount;
    private final int maxReplyBytes;

    public WsDiscoveryProbe(UUID scanUuid, int targetCount, int maxReplyBytes) {
        this.scanUuid = scanUuid;
        this.targetCount = targetCount;
        this.maxReplyBytes = maxReplyBytes;
    }

    @Override
    public String method() {
        return Sources.WS_DISCOVERY;
    }

    @Override
    public int port() {
        return PORT;
    }

    @Override
    public InetAddress group() {
        return GROUP_ADDRESS;
    }

    /** The MessageID of one request: the scan UUID with round and index folded into its low bits. */
    UUID messageId(int index, int round) {
        long tag = ((long) (round & 0xFF) << 24) | (index & 0xFFFFFFL);
        return new UUID(scanUuid.getMostSignificantBits(), scanUuid.getLeastSignificantBits() ^ tag);
    }

    /** True when a RelatesTo value names one of this scan's requests. */
    boolean relatesToThisScan(String relatesTo) {
        String text = relatesTo.trim();
        int colon = text.lastIndexOf(':');
        String uuidText = colon >= 0 ? text.substring(colon + 1) : text;
        UUID uuid;
        try {
            uuid = UUID.fromString(uuidText);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uuid.getMostSignificantBits() != scanUuid.getMostSignificantBits()) {
            return false;
        }
        long tag = uuid.getLeastSignificantBits() ^ scanUuid.getLeastSignificantBits();
        if ((tag & ~0xFFFFFFFFL) != 0) {
            return false;
        }
        long index = tag & 0xFFFFFFL;
        return index == MULTICAST_INDEX || index < targetCount;
    }

    @Override
    public void writeUnicastRequest(int targetIndex, int round, ByteBuffer into) {
        write(messageId(targetIndex, round), TAILS[round % TYPES.length], into);
    }

    @Override
    public List<byte[]> multicastRequests(int round) {
        List<byte[]> requests = new ArrayList<>();
        for (int variant = 0; variant < TYPES.length; variant++) {
            int tagRound = round * TYPES.length + variant;
            ByteBuffer buffer = ByteBuffer.allocate(HEAD.length + 36 + TAILS[variant].length);
            write(messageId(MULTICAST_INDEX, tagRound), TAILS[variant], buffer);
            requests.add(buffer.array());
        }
        return requests;
    }

    private static void write(UUID messageId, byte[] tail, ByteBuffer into) {
        into.put(HEAD);
        putHex(into, messageId.getMostSignificantBits() >>> 32, 8);
        into.put((byte) '-');
        putHex(into, messageId.getMostSignificantBits() >>> 16, 4);
        into.put((byte) '-');
        putHex(into, messageId.getMostSignificantBits(), 4);
        into.put((byte) '-');
        putHex(into, messageId.getLeastSignificantBits() >>> 48, 4);
        into.put((byte) '-');
        putHex(into, messageId.getLeastSignificantBits(), 12);
        into.put(tail);
    }

    /** The low {@code digits} hex digits of {@code value}, as UUID.toString writes them (lower case). */
    private static void putHex(ByteBuffer into, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            into.put(HEX[(int) (value >>> shift) & 0xF]);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public List<DiscoveryReply> parse(InetAddress from, byte[] data, int length) {
        Document document;
        try {
            document = SafeXml.parse(data, 0, length, maxReplyBytes);
        } catch (XmlRejectedException e) {
            return List.of(DiscoveryReply.unparseable(Sources.WS_DISCOVERY, e.getMessage()));
        }
        Optional<String> relatesTo = Soap.header(document).flatMap(h -> Dom.childText(h, "RelatesTo"));
        if (relatesTo.isEmpty() || !relatesToThisScan(relatesTo.get())) {
            return List.of();
        }
        Optional<Element> matches = Soap.payload(document).filter(e -> "ProbeMatches".equals(e.getLocalName()));
        if (matches.isEmpty()) {
            return List.of();
        }
        List<DiscoveryReply> replies = new ArrayList<>();
        for (Element match : Dom.children(matches.get())) {
            if ("ProbeMatch".equals(match.getLocalName())) {
                replies.add(toReply(match));
            }
        }
        return replies;
    }

    private DiscoveryReply toReply(Element match) {
        List<Evidence> evidence = new ArrayList<>();
        Dom.child(match, "EndpointReference").flatMap(ref -> Dom.childText(ref, "Address"))
                .ifPresent(address -> evidence.add(new Evidence(Sources.WS_DISCOVERY, "EndpointReference", address)));
        Dom.childText(match, "Types").ifPresent(types -> evidence.add(new Evidence(Sources.WS_DISCOVERY, "Types", types)));
        List<String> scopes = Dom.childText(match, "Scopes").map(WsDiscoveryProbe::words).orElse(List.of());
        for (String scope : scopes) {
            scopeEvidence(scope).ifPresent(evidence::add);
        }
        List<String> xaddrs = Dom.childText(match, "XAddrs").map(WsDiscoveryProbe::words).orElse(List.of());
        xaddrs.forEach(x -> evidence.add(new Evidence(Sources.WS_DISCOVERY, "XAddrs", x)));
        String claimed = xaddrs.stream().map(WsDiscoveryProbe::ipv4Host).flatMap(Optional::stream).findFirst().orElse(null);
        return new DiscoveryReply(Sources.WS_DISCOVERY, claimed, evidence, xaddrs, scopes, null);
    }

    private static List<String> words(String text) {
        return Arrays.stream(WHITESPACE.split(text.trim())).filter(s -> !s.isEmpty()).toList();
    }

    /** Evidence for the ONVIF scopes that identify a device: name, hardware, MAC. */
    public static Optional<Evidence> scopeEvidence(String scope) {
        String prefix = "onvif://www.onvif.org/";
        if (!scope.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String rest = scope.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            return Optional.empty();
        }
        String category = rest.substring(0, slash).toLowerCase(java.util.Locale.ROOT);
        if (!category.equals("name") && !category.equals("hardware") && !category.equals("mac")) {
            return Optional.empty();
        }
        String value;
        try {
            value = URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            value = rest.substring(slash + 1);
        }
        return Optional.of(new Evidence(Sources.WS_DISCOVERY_SCOPE, category, value));
    }

    static Optional<String> ipv4Host(String xaddr) {
        try {
            String host = URI.create(xaddr).getHost();
            if (host != null && Addresses.isDottedQuad(host)) {
                return Optional.of(host);
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}

package org.camaudit.scanner.udp;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camaudit.scanner.identify.Evidence;
import org.camaudit.scanner.identify.Sources;
import org.camaudit.scanner.target.Addresses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Dahua DHIP discovery on UDP 37810: a 32-byte header ({@code 20 00 00 00 "DHIP"}, session and
 * request ids, the JSON length twice, little-endian) followed by {@code DHDiscover.search} JSON,
 * sent to every target. Devices answer with {@code client.notifyDevInfo}. Some firmware sends
 * JSON that is not quite JSON, so the fields are also read leniently when strict parsing fails.
 */
public final class DhipProbe implements UnicastUdpProbe, MulticastUdpProbe {

    public static final int PORT = 37810;
    /** The group Dahua's config tool searches on; firmware answers the searcher by unicast (REFERENCE.md). */
    private static final String GROUP = "239.255.255.251";
    private static final InetAddress GROUP_ADDRESS = MulticastUdpProbe.literalGroup(GROUP);
    private static final byte[] MAGIC = "DHIP".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** deviceInfo fields kept as evidence. */
    static final List<String> FIELDS = List.of("Vendor", "DeviceType", "DeviceClass", "SerialNo", "Version",
            "MachineName", "HttpPort", "Manufacturer");

    /** {@code DHDiscover.search} up to its id; the id (target index + 1) and a closing brace follow. */
    private static final byte[] SEARCH_HEAD = "{\"method\":\"DHDiscover.search\",\"params\":{\"mac\":\"\",\"uni\":1},\"id\":"
            .getBytes(StandardCharsets.US_ASCII);

    private static final Pattern LENIENT_PAIR = Pattern.compile("\"(\\w{1,40})\"\\s*:\\s*\"?([^\",{}]{0,200})\"?");

    private final int maxReplyBytes;

    public DhipProbe(int maxReplyBytes) {
        this.maxReplyBytes = maxReplyBytes;
    }

    @Override
    public String method() {
        return Sources.DHIP;
    }

    @Override
    public int port() {
        return PORT;
    }

    @Override
    public InetAddress group() {
        return GROUP_ADDRESS;
    }

    /** One search per round on the group; its id (0) is outside the unicast ones (target index + 1). */
    @Override
    public List<byte[]> multicastRequests(int round) {
        return List.of(unicastRequest(-1, round));
    }

    @Override
    public void writeUnicastRequest(int targetIndex, int round, ByteBuffer into) {
        byte[] id = Integer.toString(targetIndex + 1).getBytes(StandardCharsets.US_ASCII);
        int jsonLength = SEARCH_HEAD.length + id.length + 1;
        ByteOrder order = into.order();
        into.order(ByteOrder.LITTLE_ENDIAN);
        into.putInt(0x20);
        into.put(MAGIC);
        into.putInt(0);
        into.putInt(round);
        into.putInt(jsonLength);
        into.putInt(0);
        into.putInt(jsonLength);
        into.putInt(0);
        into.put(SEARCH_HEAD).put(id).put((byte) '}');
        into.order(order);
    }

    @Override
    public List<DiscoveryReply> parse(InetAddress from, byte[] data, int length) {
        if (length > maxReplyBytes || length < 8 || indexOf(data, length, MAGIC) < 0 || indexOf(data, length, MAGIC) > 8) {
            return List.of();
        }
        int start = -1;
        for (int i = indexOf(data, length, MAGIC) + MAGIC.length; i < length; i++) {
            if (data[i] == '{') {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return List.of();
        }
        String json = new String(data, start, length - start, StandardCharsets.UTF_8);
        Map<String, String> fields = strict(json);
        if (fields == null) {
            fields = lenient(json);
        }
        if (!fields.containsKey("deviceInfo") && fields.getOrDefault("method", "").equals("DHDiscover.search")) {
            return List.of();
        }
        fields.remove("deviceInfo");
        fields.remove("method");
        List<Evidence> evidence = new ArrayList<>();
        fields.forEach((field, value) -> evidence.add(new Evidence(Sources.DHIP, field, value)));
        if (evidence.isEmpty()) {
            return List.of();
        }
        String claimed = fields.get("IPAddress");
        if (claimed != null && !Addresses.isDottedQuad(claimed)) {
            claimed = null;
        }
        Integer httpPort = fields.containsKey("HttpPort") ? SadpProbe.port(fields.get("HttpPort")).orElse(null) : null;
        return List.of(new DiscoveryReply(Sources.DHIP, claimed, evidence, List.of(), List.of(), httpPort));
    }

    /** The interesting fields of a well-formed reply, or null when it is not valid JSON. */
    private static Map<String, String> strict(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        text(root.get("method")).ifPresent(v -> fields.put("method", v));
        text(root.get("mac")).ifPresent(v -> fields.put("mac", v));
        JsonNode info = root.path("params").path("deviceInfo");
        if (info.isObject()) {
            fields.put("deviceInfo", "");
            for (String field : FIELDS) {
                text(info.get(field)).ifPresent(v -> fields.put(field, v));
            }
            text(info.path("IPv4Address").get("IPAddress")).ifPresent(v -> fields.put("IPAddress", v));
            if (!fields.containsKey("mac")) {
                text(info.get("Mac")).ifPresent(v -> fields.put("mac", v));
            }
        }
        return fields;
    }

    private static java.util.Optional<String> text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return java.util.Optional.empty();
        }
        String value = node.asText().trim();
        return value.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    /** Key/value pairs read one by one from text that does not parse as JSON. */
    private static Map<String, String> lenient(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = LENIENT_PAIR.matcher(json);
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = matcher.group(2).trim();
            if (key.equals("deviceInfo")) {
                fields.put("deviceInfo", "");
            } else if ((FIELDS.contains(key) || key.equals("mac") || key.equals("method") || key.equals("IPAddress"))
                    && !value.isEmpty()) {
                fields.putIfAbsent(key, value);
            }
        }
        if (json.contains("\"deviceInfo\"")) {
            fields.put("deviceInfo", "");
        }
        return fields;
    }

    private static int indexOf(byte[] data, int length, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= Math.min(length, 64); i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

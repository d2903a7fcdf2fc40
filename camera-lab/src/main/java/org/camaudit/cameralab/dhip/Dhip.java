package org.camaudit.cameralab.dhip;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camaudit.cameralab.camera.Camera;
import org.camaudit.cameralab.camera.FaultyReplies;

/**
 * Dahua DHIP discovery on UDP 37810: a 32-byte header ({@code 20 00 00 00 "DHIP"}, session and
 * request ids, the JSON length twice, little-endian) followed by JSON. A
 * {@code DHDiscover.search} request is answered with {@code client.notifyDevInfo}, as the
 * recorded devices do.
 */
public final class Dhip {

    public static final int PORT = 37810;
    /** The group Dahua's config tool searches on (REFERENCE.md, Dahua DHIP). */
    public static final String MULTICAST_GROUP = "239.255.255.251";
    public static final int HEADER_LENGTH = 32;
    private static final byte[] MAGIC = "DHIP".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Dhip() {
    }

    public static Optional<byte[]> answer(Camera camera, byte[] datagram) {
        if (datagram.length <= HEADER_LENGTH || !isDhip(datagram)) {
            return Optional.empty();
        }
        try {
            JsonNode request = JSON.readTree(new String(datagram, HEADER_LENGTH, datagram.length - HEADER_LENGTH,
                    StandardCharsets.UTF_8).trim());
            if (request == null || !"DHDiscover.search".equals(request.path("method").asText())) {
                return Optional.empty();
            }
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        String json = FaultyReplies.json(camera, camera.render(camera.profile().dhipReply()));
        return Optional.of(frame(datagram, json.getBytes(StandardCharsets.UTF_8)));
    }

    static boolean isDhip(byte[] datagram) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (datagram[4 + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The reply header echoes the request's session and request ids (bytes 8 to 15). */
    static byte[] frame(byte[] request, byte[] json) {
        ByteBuffer out = ByteBuffer.allocate(HEADER_LENGTH + json.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(HEADER_LENGTH);
        out.put(MAGIC);
        out.put(request, 8, 8);
        out.putInt(json.length);
        out.putInt(0);
        out.putInt(json.length);
        out.putInt(0);
        out.put(json);
        return out.array();
    }
}

package org.camaudit.scanner.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.camaudit.scanner.xml.Dom;
import org.camaudit.scanner.xml.SafeXml;
import org.camaudit.scanner.xml.Soap;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The sweep's requests, written into one reused buffer as the sender does. */
class UnicastRequestTest {

    private static final UUID SCAN = UUID.fromString("6bed4545-937b-4a07-8bcf-de5bc1819048");

    @Test
    void shouldWriteAWsDiscoveryProbeWhoseMessageIdNamesTargetAndRound() throws Exception {
        WsDiscoveryProbe probe = new WsDiscoveryProbe(SCAN, 70_000, 65_535);
        ByteBuffer buffer = ByteBuffer.allocateDirect(65_535);
        for (int round = 0; round < 3; round++) {
            for (int index : new int[] { 0, 9, 65_535, 69_999 }) {
                buffer.clear();
                probe.writeUnicastRequest(index, round, buffer);
                byte[] request = new byte[buffer.flip().remaining()];
                buffer.get(request);

                Document document = SafeXml.parse(request, 65_535);
                String messageId = Soap.header(document).flatMap(h -> Dom.childText(h, "MessageID")).orElseThrow();
                assertThat(messageId).isEqualTo("urn:uuid:" + probe.messageId(index, round));
                assertThat(probe.relatesToThisScan(messageId)).isTrue();
                String types = Soap.payload(document).flatMap(p -> Dom.childText(p, "Types")).orElseThrow();
                assertThat(types).isEqualTo(round % 2 == 0 ? "dn:NetworkVideoTransmitter" : "tds:Device");
                assertThat(request).isEqualTo(probe.unicastRequest(index, round));
            }
        }
    }

    @Test
    void shouldWriteADhipSearchWhoseHeaderCarriesItsJsonLength() throws Exception {
        DhipProbe probe = new DhipProbe(65_535);
        ByteBuffer buffer = ByteBuffer.allocateDirect(65_535);
        probe.writeUnicastRequest(41, 1, buffer);
        buffer.flip();

        ByteBuffer header = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getInt(0)).isEqualTo(0x20);
        assertThat(new String(new byte[] { header.get(4), header.get(5), header.get(6), header.get(7) },
                StandardCharsets.US_ASCII)).isEqualTo("DHIP");
        assertThat(header.getInt(12)).isEqualTo(1);
        int jsonLength = header.getInt(16);
        assertThat(header.getInt(24)).isEqualTo(jsonLength);
        assertThat(buffer.remaining()).isEqualTo(32 + jsonLength);
        byte[] json = new byte[jsonLength];
        buffer.position(32).get(json);
        JsonNode search = new ObjectMapper().readTree(json);
        assertThat(search.get("method").asText()).isEqualTo("DHDiscover.search");
        assertThat(search.get("id").asInt()).isEqualTo(42);
        assertThat(buffer.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
    }
}

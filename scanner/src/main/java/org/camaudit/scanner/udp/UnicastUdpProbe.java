package org.camaudit.scanner.udp;

import java.nio.ByteBuffer;

/** A UDP discovery protocol sent to every target address. */
public interface UnicastUdpProbe extends UdpProbe {

    /**
     * Writes the request for one target in one round into {@code into} (from its position; the
     * sweep sends one per target from one reused buffer, so a request costs no allocation). The
     * target index and round let a protocol with message identifiers tie replies to requests.
     */
    void writeUnicastRequest(int targetIndex, int round, ByteBuffer into);

    /** The same request as an array. */
    default byte[] unicastRequest(int targetIndex, int round) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        writeUnicastRequest(targetIndex, round, buffer);
        byte[] request = new byte[buffer.flip().remaining()];
        buffer.get(request);
        return request;
    }
}

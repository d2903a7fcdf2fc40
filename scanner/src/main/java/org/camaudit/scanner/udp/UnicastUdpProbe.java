package org.camaudit.scanner.udp;

/** A UDP discovery protocol sent to every target address. */
public interface UnicastUdpProbe extends UdpProbe {

    /**
     * The request for one target in one round. The target index and round let a protocol with
     * message identifiers tie replies to requests.
     */
    byte[] unicastRequest(int targetIndex, int round);
}

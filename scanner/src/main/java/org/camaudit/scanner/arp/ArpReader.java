package org.camaudit.scanner.arp;

import java.util.Map;

/** Reads the host's neighbour table: MAC addresses of hosts on the scanner's own segments. */
public interface ArpReader {

    /** IPv4 address to normalised MAC, for complete entries only. */
    Map<String, String> read();
}

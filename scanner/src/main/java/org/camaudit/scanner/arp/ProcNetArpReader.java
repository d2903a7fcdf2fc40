package org.camaudit.scanner.arp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camaudit.scanner.oui.Macs;

/** Linux's {@code /proc/net/arp}: IP address, HW type, flags, HW address, mask, device. */
public final class ProcNetArpReader implements ArpReader {

    /** ATF_COM: the entry is complete. */
    private static final int COMPLETE = 0x2;

    private final Path table;

    public ProcNetArpReader(Path table) {
        this.table = table;
    }

    public ProcNetArpReader() {
        this(Path.of("/proc/net/arp"));
    }

    @Override
    public Map<String, String> read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(table, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, String> entries = new HashMap<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length < 4) {
                continue;
            }
            int flags;
            try {
                flags = Integer.decode(columns[2]);
            } catch (NumberFormatException e) {
                continue;
            }
            if ((flags & COMPLETE) != 0) {
                Macs.normalize(columns[3]).ifPresent(mac -> entries.put(columns[0], mac));
            }
        }
        return entries;
    }
}

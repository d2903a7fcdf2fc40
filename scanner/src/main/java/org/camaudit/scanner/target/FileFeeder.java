package org.camaudit.scanner.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import inet.ipaddr.IPAddressSeqRange;

/**
 * {@code @file}: one target per line in any of the other forms; blank lines and text after
 * {@code #} are ignored. Files cannot include other files.
 */
public final class FileFeeder implements TargetFeeder {

    /** A target list larger than this is not a target list. */
    private static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private final String spec;

    FileFeeder(String spec) {
        this.spec = spec;
    }

    @Override
    public List<IPAddressSeqRange> ranges() throws TargetException {
        Path path = Path.of(spec.substring(1));
        List<String> lines;
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new TargetException("target file " + path + " is larger than 16 MiB");
            }
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TargetException("cannot read target file " + path);
        }
        List<IPAddressSeqRange> ranges = new ArrayList<>();
        int lineNumber = 0;
        for (String line : lines) {
            lineNumber++;
            int hash = line.indexOf('#');
            String entry = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.startsWith("@")) {
                throw new TargetException(path + ":" + lineNumber + ": target files cannot include other files");
            }
            try {
                ranges.addAll(TargetFeeder.of(entry).ranges());
            } catch (TargetException e) {
                throw new TargetException(path + ":" + lineNumber + ": " + e.getMessage());
            }
        }
        return ranges;
    }

    @Override
    public String spec() {
        return spec;
    }
}

package org.camaudit.scanner.oui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The IEEE MAC registry (MA-L 24-bit, MA-M 28-bit and MA-S 36-bit blocks) in the scanner's compact
 * form: a gzip'd text file whose header names its source and registry date
 * ({@code # registry-date: YYYY-MM-DD}) and whose lines are {@code HEX<TAB>organisation} with 6, 7 or
 * 9 hex digits; the longest matching prefix wins. The shipped copy is written by
 * {@code audit-service/scripts/generate-oui-registry.py}, the same generator that fills the audit
 * policy's blocks; {@code scanner oui update FILE} writes a newer one that is preferred when its date
 * is not older.
 */
public final class OuiRegistry {

    public static final String SHIPPED_RESOURCE = "oui/ieee-oui.tsv.gz";
    static final String DATE_HEADER = "# registry-date: ";
    static final String SOURCE_HEADER = "# source: ";
    /** Block sizes in hex digits, longest first: MA-S, MA-M, MA-L. */
    private static final int[] PREFIX_LENGTHS = {9, 7, 6};

    /** Keyed by {@link #key}: the prefix value with its length in hex digits above bit 40. */
    private final Map<Long, String> organisations;
    private final LocalDate date;
    private final String source;

    OuiRegistry(Map<Long, String> organisations, LocalDate date, String source) {
        this.organisations = organisations;
        this.date = date;
        this.source = source;
    }

    /** The shipped registry, or the updated one at {@code override} when that exists and is newer. */
    public static OuiRegistry load(Optional<Path> override) throws IOException {
        OuiRegistry shipped;
        try (InputStream in = OuiRegistry.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IOException("the shipped OUI registry is missing");
            }
            shipped = read(in);
        }
        if (override.isPresent() && Files.isRegularFile(override.get())) {
            try (InputStream in = Files.newInputStream(override.get())) {
                OuiRegistry updated = read(in);
                if (updated.date.isAfter(shipped.date) || updated.date.isEqual(shipped.date)) {
                    return updated;
                }
            }
        }
        return shipped;
    }

    static OuiRegistry read(InputStream gzipped) throws IOException {
        Map<Long, String> organisations = new HashMap<>(80_000);
        Map<String, String> names = new HashMap<>();
        LocalDate date = null;
        String source = "";
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(DATE_HEADER)) {
                    date = parseDate(line.substring(DATE_HEADER.length()).trim());
                } else if (line.startsWith(SOURCE_HEADER)) {
                    source = line.substring(SOURCE_HEADER.length()).trim();
                } else if (!line.startsWith("#")) {
                    int tab = line.indexOf('\t');
                    if (tab == 6 || tab == 7 || tab == 9) {
                        String name = line.substring(tab + 1);
                        organisations.put(key(line.substring(0, tab)), names.computeIfAbsent(name, n -> n));
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new IOException("the OUI registry file is corrupt");
        }
        if (date == null) {
            throw new IOException("the OUI registry file has no registry date");
        }
        return new OuiRegistry(organisations, date, source);
    }

    private static LocalDate parseDate(String text) throws IOException {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IOException("bad registry date '" + text + "'");
        }
    }

    static long key(String hexPrefix) {
        return Long.parseLong(hexPrefix, 16) | ((long) hexPrefix.length() << 40);
    }

    /** The organisation holding the MAC's block (MA-S, then MA-M, then MA-L), if the registry has it. */
    public Optional<String> lookup(String mac) {
        Optional<String> normalized = Macs.normalize(mac);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        String hex = normalized.get().replace(":", "");
        for (int length : PREFIX_LENGTHS) {
            String organisation = organisations.get(key(hex.substring(0, length)));
            if (organisation != null) {
                return Optional.of(organisation);
            }
        }
        return Optional.empty();
    }

    /** The date of the registry snapshot; shown wherever an OUI match is reported. */
    public LocalDate date() {
        return date;
    }

    public String source() {
        return source;
    }

    public int size() {
        return organisations.size();
    }
}

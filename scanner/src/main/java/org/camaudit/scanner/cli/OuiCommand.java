package org.camaudit.scanner.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.camaudit.scanner.config.ScannerConfig;
import org.camaudit.scanner.oui.OuiCsvImporter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scanner oui update FILE}: loads a newer IEEE oui.csv. */
@Command(name = "oui", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Manages the MAC vendor registry.", subcommands = OuiCommand.Update.class)
public class OuiCommand {

    /** Converts an IEEE oui.csv into the scanner's registry file. */
    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Loads an IEEE oui.csv (e.g. /usr/share/ieee-data/oui.csv from Debian's ieee-data).")
    public static class Update implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "The oui.csv to load")
        Path csv;

        @Option(names = "--date", paramLabel = "YYYY-MM-DD",
                description = "Registry date (default: the .lastupdate file beside FILE, else FILE's modification date)")
        String date;

        @Option(names = "--output", paramLabel = "FILE",
                description = "Where to write the registry (default: camaudit.scanner.oui-file, ~/.config/camaudit/oui.tsv.gz)")
        Path output;

        @Inject
        ScannerConfig config;

        @Override
        public Integer call() {
            LocalDate registryDate;
            try {
                registryDate = date == null ? OuiCsvImporter.registryDate(csv) : LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                return Console.usage("invalid --date '" + date + "' (expected YYYY-MM-DD)");
            } catch (IOException e) {
                return Console.usage("cannot read " + csv);
            }
            Path target = output != null ? output : Path.of(config.ouiFile());
            try {
                int count = OuiCsvImporter.convert(csv, registryDate, target);
                Console.info("wrote " + count + " OUI assignments dated " + registryDate + " to " + target);
                return ExitCodes.DONE;
            } catch (IOException e) {
                return Console.failure(e.getMessage());
            }
        }
    }
}

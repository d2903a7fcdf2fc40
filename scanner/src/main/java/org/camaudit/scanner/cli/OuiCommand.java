package org.camaudit.scanner.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.camaudit.scanner.config.ScannerConfig;
import org.camaudit.scanner.oui.OuiImporter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scanner oui update FILE}: loads a newer IEEE registry (oui.csv or oui-data JSON). */
@Command(name = "oui", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Manages the MAC vendor registry.", subcommands = OuiCommand.Update.class)
public class OuiCommand {

    /** Converts an IEEE oui.csv or oui-data index.json into the scanner's registry file. */
    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Loads an IEEE registry: oui.csv/mam.csv/oui36.csv (e.g. from Debian's ieee-data) "
                    + "or the npm package oui-data's index.json (needs --date).")
    public static class Update implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "The oui.csv or oui-data index.json to load")
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
                registryDate = date == null ? OuiImporter.registryDate(csv) : LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                return Console.usage("invalid --date '" + date + "' (expected YYYY-MM-DD)");
            } catch (IOException e) {
                return Console.usage(e.getMessage());
            }
            Path target = output != null ? output : Path.of(config.ouiFile());
            try {
                int count = OuiImporter.convert(csv, registryDate, target);
                Console.info("wrote " + count + " OUI assignments dated " + registryDate + " to " + target);
                return ExitCodes.DONE;
            } catch (IOException e) {
                return Console.failure(e.getMessage());
            }
        }
    }
}

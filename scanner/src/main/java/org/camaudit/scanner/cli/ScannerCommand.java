package org.camaudit.scanner.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** {@code scanner}: the camaudit network scanner. */
@TopCommand
@Command(name = "scanner", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Finds and identifies IP cameras and reports them to the camaudit inventory.",
        subcommands = { ScanCommand.class, PushCommand.class, OuiCommand.class })
public class ScannerCommand {
}

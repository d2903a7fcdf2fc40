package org.camaudit.scanner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.camaudit.scanner.config.ScannerConfig;
import org.camaudit.scanner.inventory.InventoryClient;
import org.camaudit.scanner.inventory.InventoryException;
import org.camaudit.scanner.inventory.Spool;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scanner push DIR}: sends spooled results; delivered files move to {@code DIR/sent/}. */
@Command(name = "push", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Sends results that a scan spooled while the inventory was unreachable.")
public class PushCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The spool directory")
    Path directory;

    @Option(names = "--inventory", paramLabel = "URL",
            description = "Inventory base URL (default: the one the scan could not reach); account from CAMAUDIT_USER / CAMAUDIT_PASSWORD")
    String inventory;

    @Inject
    ScannerConfig config;

    @Override
    public Integer call() {
        InventoryClient client;
        List<Path> pending;
        Spool spool = new Spool(directory);
        try {
            String url = inventory != null ? inventory
                    : spool.rememberedInventory().orElseThrow(() -> new IllegalArgumentException(
                            "no --inventory given and " + directory + " does not say where its results were going"));
            client = new InventoryClient(url, Optional.ofNullable(System.getenv("CAMAUDIT_USER")),
                    Optional.ofNullable(System.getenv("CAMAUDIT_PASSWORD")), config.inventoryAttempts(),
                    config.inventoryBackoff(), config.inventoryTimeout());
            pending = spool.pending();
        } catch (IllegalArgumentException | IOException e) {
            return Console.usage(e.getMessage());
        }
        int sent = 0;
        for (Path file : pending) {
            try {
                client.post(Files.readAllBytes(file));
                spool.markSent(file);
                sent++;
            } catch (InventoryException e) {
                Console.info(e.getMessage() + "; " + (pending.size() - sent) + " file(s) left in " + directory);
                return ExitCodes.INVENTORY_UNREACHABLE;
            } catch (IOException e) {
                return Console.failure("cannot read or move " + file + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Console.failure("interrupted");
            }
        }
        Console.info("sent " + sent + " spooled file(s) to " + client.endpoint());
        return ExitCodes.DONE;
    }
}

package org.camaudit.scanner.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.camaudit.scanner.inventory.InventoryClient;
import org.camaudit.scanner.inventory.InventoryException;
import org.camaudit.scanner.inventory.ObservationBatch;
import org.camaudit.scanner.inventory.Spool;
import org.camaudit.scanner.output.Observation;

/**
 * Sends one scan to the inventory in chunks of at most the inventory's limit, all under the scan's
 * scanId; whatever is not delivered goes to the spool.
 */
final class Delivery {

    private Delivery() {
    }

    static int deliver(InventoryClient client, ObservationBatch batch, int chunkSize, Spool spool) {
        List<Observation> all = batch.observations();
        int size = Math.max(1, chunkSize);
        int parts = Math.max(1, (all.size() + size - 1) / size);
        for (int part = 0; part < parts; part++) {
            ObservationBatch chunk = batch.with(all.subList(part * size, Math.min(all.size(), (part + 1) * size)));
            try {
                client.post(chunk);
            } catch (InventoryException e) {
                return spoolRest(batch, part, parts, size, spool, e.getMessage(), client);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return spoolRest(batch, part, parts, size, spool, "interrupted", client);
            }
        }
        Console.info("sent " + all.size() + " observation(s) to " + client.endpoint() + " as scan " + batch.scanId());
        return ExitCodes.DONE;
    }

    private static int spoolRest(ObservationBatch batch, int from, int parts, int size, Spool spool, String problem,
            InventoryClient client) {
        List<Observation> all = batch.observations();
        try {
            Path first = null;
            spool.rememberInventory(client.endpoint().toString());
            for (int part = from; part < parts; part++) {
                Path file = spool.write(batch.with(all.subList(part * size, Math.min(all.size(), (part + 1) * size))), part);
                first = first == null ? file : first;
            }
            Console.info(problem + "; results spooled to " + first.getParent() + " (send later with: scanner push "
                    + first.getParent() + ")");
        } catch (IOException e) {
            Console.info(problem + "; and the results could not be spooled: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        return ExitCodes.INVENTORY_UNREACHABLE;
    }
}

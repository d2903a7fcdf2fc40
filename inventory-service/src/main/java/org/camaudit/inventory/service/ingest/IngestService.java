package org.camaudit.inventory.service.ingest;

import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.TypedGuard;

import org.camaudit.common.problem.ProblemException;
import org.camaudit.inventory.config.InventoryConfig;
import org.camaudit.inventory.mapping.IngestResult;
import org.camaudit.inventory.mapping.ObservationBatch;

/**
 * Records one scan's observations: the scan, a device per identity, a sighting per observation, and the
 * {@code missing} rule for the scan's site, all in one transaction ({@link IngestTransaction}). The partial
 * unique indexes on {@code device} are the identity rules, so concurrent scans of the same devices cannot
 * create duplicates; when two collide (a deadlock, or a key taken between match and insert) the whole
 * transaction is retried, up to {@code camaudit.inventory.ingest-attempts} times.
 */
@ApplicationScoped
public class IngestService {

    private final ObservationStager stager;
    private final IngestTransaction transaction;
    private final InventoryConfig config;
    private final MeterRegistry meters;
    private final Timer ingestTimer;
    private final TypedGuard<IngestResult> retryOnCollision;

    IngestService(ObservationStager stager, IngestTransaction transaction, InventoryConfig config, MeterRegistry meters) {
        this.stager = stager;
        this.transaction = transaction;
        this.config = config;
        this.meters = meters;
        this.ingestTimer = Timer.builder("camaudit.inventory.ingest")
                .description("Time to record one batch of observations").register(meters);
        this.retryOnCollision = TypedGuard.create(IngestResult.class)
                .withDescription("ingest")
                .withRetry()
                .maxRetries(config.ingestAttempts() - 1)
                .delay(0, ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .whenException(IngestService::collision)
                .beforeRetry(e -> Log.debugf("an ingest collided with a concurrent scan (%s), retrying",
                        sqlCause(e).map(SQLException::getSQLState).orElse("?")))
                .done()
                .build();
    }

    /**
     * Records the batch, or returns the stored answer when this part of its scan was recorded before.
     *
     * @throws SQLException when the database cannot be reached or rejects the batch (nothing is stored)
     */
    public IngestResult ingest(ObservationBatch batch) throws SQLException {
        if (batch.observations().size() > config.maxObservations()) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Too many observations",
                    "A request may carry at most " + config.maxObservations() + " observations; this one has "
                            + batch.observations().size() + ". Split the scan into several requests.");
        }
        ObservationStager.StagedBatch staged = stager.stage(batch);
        Timer.Sample sample = Timer.start(meters);
        try {
            IngestResult result = retryOnCollision.call(
                    () -> QuarkusTransaction.requiringNew().call(() -> transaction.run(batch, staged)));
            count(result);
            return result;
        } catch (RuntimeException e) {
            throw sqlCause(e).orElseThrow(() -> e);
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw sqlCause(e).orElseThrow(() -> new IllegalStateException("ingest failed", e));
        } finally {
            sample.stop(ingestTimer);
        }
    }

    private void count(IngestResult result) {
        meters.counter("camaudit.inventory.observations", "result", "created").increment(result.created());
        meters.counter("camaudit.inventory.observations", "result", "updated").increment(result.updated());
        meters.counter("camaudit.inventory.observations", "result", "unchanged").increment(result.unchanged());
    }

    /** Deadlock, serialization failure, or a unique key taken by a concurrent scan between match and insert. */
    private static boolean collision(Throwable e) {
        return sqlCause(e).map(SQLException::getSQLState)
                .filter(state -> state.equals("40P01") || state.equals("40001") || state.equals("23505"))
                .isPresent();
    }

    private static Optional<SQLException> sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }
}

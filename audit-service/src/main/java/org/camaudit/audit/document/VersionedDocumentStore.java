package org.camaudit.audit.document;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;

import org.camaudit.audit.entity.DocumentVersion;
import org.camaudit.common.problem.ProblemException;

/**
 * The one store of the audit's versioned documents (policy, cost table): every write adds the next version, the
 * newest is current, the shipped default is seeded into an empty store and again when the newest stored version
 * can no longer be read (written in an earlier schema). Callers run its methods inside their transaction.
 *
 * @param <D> the document
 * @param <E> the entity holding its versions
 */
public final class VersionedDocumentStore<D, E extends DocumentVersion> {

    /** How a document is read, numbered and written; {@code parse} throws {@link InvalidDocumentException}. */
    public interface Format<D> {
        D parse(String json);

        D withVersion(D document, int version);

        default String write(D document) {
            return StrictJson.write(document);
        }
    }

    private final String name;
    private final Class<E> entity;
    private final Supplier<E> factory;
    private final Format<D> format;
    private final long lockKey;
    private final EntityManager entityManager;

    /**
     * @param name    what the document is called in messages ("policy", "cost table")
     * @param lockKey the advisory lock serialising this document's version numbering across replicas
     */
    public VersionedDocumentStore(String name, Class<E> entity, Supplier<E> factory, Format<D> format, long lockKey,
            EntityManager entityManager) {
        this.name = name;
        this.entity = entity;
        this.factory = factory;
        this.format = format;
        this.lockKey = lockKey;
        this.entityManager = entityManager;
    }

    /** Stores {@code shipped} when the store is empty or its newest version no longer parses. */
    public void seed(String shipped, String who) {
        lock();
        Optional<E> latest = latestIfAny();
        if (latest.isPresent() && readable(latest.get())) {
            return;
        }
        int next = latest.map(v -> v.version + 1).orElse(1);
        D document = format.withVersion(format.parse(shipped), next);
        store(document, next, who);
        Log.infof("stored the shipped default %s as version %d%s", name, next, latest.isPresent()
                ? " (stored version " + latest.get().version + " is in an earlier format)" : "");
    }

    public D current() {
        E latest = latest();
        return format.withVersion(format.parse(latest.document), latest.version);
    }

    /** The newest version's entity; 503 when nothing is stored. */
    public E latest() {
        return latestIfAny().orElseThrow(() -> new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "No " + name,
                "No " + name + " is stored yet; the service stores its default at start-up"));
    }

    public List<E> newestFirst() {
        return entityManager.createQuery("from " + entity.getSimpleName() + " order by version desc", entity).getResultList();
    }

    /** The document parsed from one stored version. */
    public D read(E stored) {
        return format.withVersion(format.parse(stored.document), stored.version);
    }

    /** Validates {@code json} and stores it as the next version; 400 naming every rejected field. */
    public D update(String json, String user) {
        D document;
        try {
            document = format.parse(json);
        } catch (InvalidDocumentException e) {
            String invalid = "Invalid " + name;
            throw new ProblemException(Response.Status.BAD_REQUEST, invalid,
                    e.errors().get(0).field() + " " + e.errors().get(0).message(), e.errors());
        }
        lock();
        int next = latest().version + 1;
        D stored = format.withVersion(document, next);
        store(stored, next, user);
        Log.infof("%s version %d stored by %s", name, next, user);
        return stored;
    }

    private Optional<E> latestIfAny() {
        return entityManager.createQuery("from " + entity.getSimpleName() + " order by version desc", entity)
                .setMaxResults(1).getResultStream().findFirst();
    }

    private boolean readable(E stored) {
        try {
            format.parse(stored.document);
            return true;
        } catch (InvalidDocumentException e) {
            return false;
        }
    }

    private void store(D document, int version, String user) {
        E row = factory.get();
        row.version = version;
        row.document = format.write(document);
        row.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.createdBy = user;
        entityManager.persist(row);
    }

    private void lock() {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + lockKey + ")").getSingleResult();
    }
}

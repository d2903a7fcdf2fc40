package org.camaudit.cameralab.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.camaudit.cameralab.camera.CameraEndpoints.NetworkOptions;
import org.camaudit.cameralab.config.LabConfig;
import org.camaudit.cameralab.fleet.CameraSpec;
import org.camaudit.cameralab.profile.ProfileRegistry;
import org.camaudit.cameralab.dhip.Dhip;
import org.camaudit.cameralab.sadp.Sadp;
import org.camaudit.cameralab.wsdiscovery.WsDiscovery;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Runs a fleet: binds every camera's sockets on the shared Vert.x event loops (no thread per
 * camera), joins the multicast group when the interface allows it, multicasts Hello on start and
 * Bye on stop.
 */
@ApplicationScoped
public class CameraLab {

    @Inject
    Vertx vertx;

    @Inject
    LabConfig config;

    @Inject
    ProfileRegistry profiles;

    private final List<Running> running = new ArrayList<>();

    /** A started fleet; {@link #stop()} ends it. */
    public final class Running {
        private final List<CameraEndpoints> cameras;
        private final List<MulticastListener> listeners;

        private Running(List<CameraEndpoints> cameras, List<MulticastListener> listeners) {
            this.cameras = cameras;
            this.listeners = listeners;
        }

        public List<Camera> cameras() {
            return cameras.stream().map(CameraEndpoints::camera).toList();
        }

        /** Multicasts Bye and closes every socket. */
        public void stop() {
            synchronized (running) {
                if (!running.remove(this)) {
                    return;
                }
            }
            List<Future<?>> done = new ArrayList<>();
            cameras.forEach(c -> done.add(c.bye().transform(ignored -> c.stop())));
            listeners.forEach(l -> done.add(l.stop()));
            await(Future.join(done), config.shutdownTimeout().toSeconds());
        }
    }

    /**
     * Starts {@code fleet} (resolved entries) and returns once every camera is listening.
     *
     * @throws LabStartException when a socket cannot be bound; nothing stays bound then
     */
    public Running start(List<CameraSpec> fleet, int httpPort, NetworkOptions network) {
        long startedAt = System.nanoTime();
        List<CameraEndpoints> cameras = new ArrayList<>(fleet.size());
        for (CameraSpec spec : fleet) {
            Camera camera = new Camera(spec, profiles.find(spec.profile()).orElseThrow(), httpPort);
            cameras.add(new CameraEndpoints(vertx, camera, config, network));
        }
        List<Future<?>> started = new ArrayList<>(cameras.size());
        cameras.forEach(c -> started.add(c.start()));
        Throwable failure = awaitFailure(Future.join(started));
        List<MulticastListener> listeners = new ArrayList<>();
        if (failure == null && network.multicastInterface().isPresent()) {
            String nic = network.multicastInterface().get();
            int maxBytes = config.maxRequestBytes();
            List<Future<MulticastListener>> joins = List.of(
                    MulticastListener.start(vertx, nic, WsDiscovery.PORT, packet -> {
                        if (packet.data().length() <= maxBytes) {
                            WsDiscovery.parseProbe(packet.data().getBytes()).ifPresent(probe -> cameras
                                    .forEach(c -> c.onMulticastProbe(probe, packet.sender())));
                        }
                    }),
                    MulticastListener.start(vertx, nic, Sadp.PORT, packet -> {
                        if (packet.data().length() <= maxBytes) {
                            Sadp.parseInquiry(packet.data().getBytes()).ifPresent(uuid -> cameras
                                    .forEach(c -> c.onMulticastSadpInquiry(uuid)));
                        }
                    }),
                    MulticastListener.start(vertx, nic, Dhip.MULTICAST_GROUP, Dhip.PORT, packet -> {
                        if (packet.data().length() <= maxBytes) {
                            byte[] search = packet.data().getBytes();
                            cameras.forEach(c -> c.onMulticastDhipSearch(search, packet.sender()));
                        }
                    }));
            failure = awaitFailure(Future.join(new ArrayList<>(joins)));
            joins.stream().filter(Future::succeeded).forEach(j -> listeners.add(j.result()));
        }
        if (failure != null) {
            List<Future<?>> closing = new ArrayList<>();
            cameras.forEach(c -> closing.add(c.stop()));
            listeners.forEach(l -> closing.add(l.stop()));
            await(Future.join(closing), config.shutdownTimeout().toSeconds());
            throw new LabStartException(failure.getMessage());
        }
        List<Future<?>> hellos = new ArrayList<>();
        cameras.forEach(c -> hellos.add(c.hello()));
        await(Future.join(hellos), config.startTimeout().toSeconds());
        Running fleetRunning = new Running(cameras, listeners);
        synchronized (running) {
            running.add(fleetRunning);
        }
        Log.infof("%d cameras listening after %d ms%s", cameras.size(), (System.nanoTime() - startedAt) / 1_000_000,
                network.multicastInterface().map(n -> ", multicast on " + n).orElse(", multicast off"));
        return fleetRunning;
    }

    /** Sends Bye for every running fleet when the application stops (SIGTERM, SIGINT). */
    void onShutdown(@Observes ShutdownEvent event) {
        List<Running> fleets;
        synchronized (running) {
            fleets = List.copyOf(running);
        }
        fleets.forEach(Running::stop);
    }

    private Throwable awaitFailure(Future<?> all) {
        try {
            all.toCompletionStage().toCompletableFuture().get(config.startTimeout().toSeconds(), TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return new IllegalStateException("cameras did not start within " + config.startTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted while starting");
        }
    }

    private static void await(Future<?> future, long seconds) {
        try {
            future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Log.debugf("shutdown incomplete: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A fleet that could not start, with the reason a user can act on. */
    public static final class LabStartException extends RuntimeException {
        public LabStartException(String message) {
            super(message, null, false, false);
        }
    }
}

package org.camaudit.cameralab;

import java.util.List;
import java.util.Optional;

import org.camaudit.cameralab.camera.CameraEndpoints.NetworkOptions;
import org.camaudit.cameralab.camera.CameraLab;
import org.camaudit.cameralab.fleet.CameraSpec;
import org.camaudit.cameralab.fleet.FleetResolver;
import org.camaudit.cameralab.profile.ProfileRegistry;

/** Starts a fleet on the lab's test addresses (127.0.20.0 - 127.0.29.255) and a high HTTP port. */
final class RunningFleet implements AutoCloseable {

    static final int HTTP_PORT = 28080;

    private final CameraLab.Running running;
    final List<CameraSpec> manifest;

    RunningFleet(CameraLab lab, ProfileRegistry profiles, List<CameraSpec> fleet) {
        this.manifest = new FleetResolver(profiles).resolve(fleet);
        this.running = lab.start(manifest, HTTP_PORT, new NetworkOptions(Optional.empty(), true));
    }

    CameraSpec camera(String ip) {
        return manifest.stream().filter(c -> c.ip().equals(ip)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        running.stop();
    }
}

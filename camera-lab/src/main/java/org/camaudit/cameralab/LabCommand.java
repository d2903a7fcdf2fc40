package org.camaudit.cameralab;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.camaudit.cameralab.camera.CameraEndpoints.NetworkOptions;
import org.camaudit.cameralab.camera.CameraLab;
import org.camaudit.cameralab.camera.CameraLab.LabStartException;
import org.camaudit.cameralab.fleet.CameraSpec;
import org.camaudit.cameralab.fleet.FleetException;
import org.camaudit.cameralab.fleet.FleetFiles;
import org.camaudit.cameralab.fleet.FleetGenerator;
import org.camaudit.cameralab.fleet.FleetResolver;
import org.camaudit.cameralab.profile.Profile;
import org.camaudit.cameralab.profile.ProfileDescriptor;
import org.camaudit.cameralab.profile.ProfileRegistry;

import io.quarkus.logging.Log;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code camera-lab --fleet FILE | --count N --network CIDR [--seed S] [--manifest OUT.json]}:
 * starts the fleet, writes the manifest once every camera listens, runs until SIGTERM or SIGINT.
 */
@TopCommand
@Command(name = "camera-lab", mixinStandardHelpOptions = true, version = "camera-lab 0.1.0",
        description = "Starts a fleet of simulated IP cameras, each on its own loopback address.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:--list-profiles done", "143/130:stopped by SIGTERM/SIGINT",
                "1:the fleet could not start (address in use, address not local, multicast unavailable)",
                "2:bad usage (bad CIDR, unknown profile, invalid fleet file)" })
public class LabCommand implements Callable<Integer> {

    static final int EXIT_START_FAILED = 1;
    static final int EXIT_USAGE = 2;

    /** How multicast is chosen. */
    enum MulticastMode {
        auto, on, off
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--fleet", paramLabel = "FILE", description = "JSON array of cameras to start")
    Path fleet;

    @Option(names = "--count", paramLabel = "N", description = "generate a mixed fleet of N cameras")
    Integer count;

    @Option(names = "--network", paramLabel = "CIDR", description = "where generated cameras live, e.g. 127.0.10.0/24")
    String network;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the generated fleet (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--manifest", paramLabel = "OUT.json", description = "write the started fleet here once every camera listens")
    Path manifest;

    @Option(names = "--list-profiles", description = "print the camera profiles and exit")
    boolean listProfiles;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "80", description = "HTTP port of every camera (default ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--multicast", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (when the interface has multicast), on, off (default ${DEFAULT-VALUE})")
    MulticastMode multicast;

    @Option(names = "--interface", paramLabel = "NAME", defaultValue = "lo", description = "multicast interface (default ${DEFAULT-VALUE})")
    String multicastInterface;

    @Option(names = "--sadp-unicast", paramLabel = "BOOL", defaultValue = "true", arity = "1",
            description = "also answer SADP inquiries sent to a camera's own address (default ${DEFAULT-VALUE})")
    boolean sadpUnicast;

    @Inject
    ProfileRegistry profiles;

    @Inject
    CameraLab lab;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (listProfiles) {
            printProfiles(spec.commandLine().getOut());
            return 0;
        }
        List<CameraSpec> cameras;
        try {
            if (httpPort < 1 || httpPort > 65535) {
                throw new FleetException("--http-port must be between 1 and 65535");
            }
            cameras = new FleetResolver(profiles).resolve(fleetToStart());
        } catch (FleetException e) {
            err.println("camera-lab: " + e.getMessage());
            err.flush();
            return EXIT_USAGE;
        }
        CameraLab.Running running;
        try {
            running = lab.start(cameras, httpPort, new NetworkOptions(multicastInterface(), sadpUnicast));
        } catch (LabStartException e) {
            err.println("camera-lab: cannot start the fleet: " + e.getMessage());
            err.flush();
            return EXIT_START_FAILED;
        }
        if (manifest != null) {
            try {
                FleetFiles.writeManifest(manifest, cameras);
            } catch (IOException e) {
                err.println("camera-lab: cannot write the manifest " + manifest + ": " + e.getMessage());
                err.flush();
                running.stop();
                return EXIT_START_FAILED;
            }
            Log.infof("manifest written to %s", manifest);
        }
        Quarkus.waitForExit();
        return 0;
    }

    private List<CameraSpec> fleetToStart() {
        boolean generated = count != null || network != null;
        if ((fleet == null) == !generated) {
            throw new FleetException("give either --fleet FILE or --count N --network CIDR (see --help)");
        }
        if (fleet != null) {
            return FleetFiles.read(fleet);
        }
        if (count == null || network == null) {
            throw new FleetException("--count and --network go together");
        }
        return new FleetGenerator(profiles).generate(count, network, seed);
    }

    private Optional<String> multicastInterface() {
        if (multicast == MulticastMode.off) {
            return Optional.empty();
        }
        boolean capable;
        try {
            NetworkInterface nic = NetworkInterface.getByName(multicastInterface);
            capable = nic != null && nic.isUp() && nic.supportsMulticast();
        } catch (SocketException e) {
            capable = false;
        }
        if (capable) {
            return Optional.of(multicastInterface);
        }
        if (multicast == MulticastMode.on) {
            throw new LabStartException("--multicast on: interface " + multicastInterface
                    + " is missing, down or has no MULTICAST flag (ip link set " + multicastInterface + " multicast on)");
        }
        Log.infof("multicast off: interface %s has no MULTICAST flag; unicast discovery only", multicastInterface);
        return Optional.empty();
    }

    private void printProfiles(PrintWriter out) {
        out.printf("%-14s %-13s %-10s %-11s %-9s %s%n", "PROFILE", "VENDOR", "RESTRICTED", "DISCOVERY", "SOURCE",
                "DESCRIPTION");
        for (Profile profile : profiles.all()) {
            ProfileDescriptor d = profile.descriptor();
            String discovery = "ws-d" + (d.sadp() ? ",sadp" : "") + (d.dhip() ? ",dhip" : "");
            out.printf("%-14s %-13s %-10s %-11s %-9s %s%n", d.id(), d.vendor(), d.restricted() ? "yes" : "no",
                    discovery, d.synthetic() ? "synthetic" : "recorded", d.description());
        }
        out.flush();
    }
}

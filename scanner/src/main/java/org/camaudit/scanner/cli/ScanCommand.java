package org.camaudit.scanner.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.camaudit.scanner.arp.ProcNetArpReader;
import org.camaudit.scanner.config.ScannerConfig;
import org.camaudit.scanner.credentials.CredentialStore;
import org.camaudit.scanner.inventory.InventoryClient;
import org.camaudit.scanner.inventory.ObservationBatch;
import org.camaudit.scanner.inventory.Spool;
import org.camaudit.scanner.oui.OuiRegistry;
import org.camaudit.scanner.output.Observation;
import org.camaudit.scanner.output.OutputFormat;
import org.camaudit.scanner.scan.ScanEngine;
import org.camaudit.scanner.scan.ScanProgress;
import org.camaudit.scanner.scan.ScanSettings;
import org.camaudit.scanner.target.Addresses;
import org.camaudit.scanner.target.TargetException;
import org.camaudit.scanner.target.TargetSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scanner scan TARGET... [options]}. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Discovers and identifies the cameras at the given addresses.")
public class ScanCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "TARGET",
            description = "CIDR (10.1.0.0/24), range (10.1.0.10-10.1.0.50), single address, or @file with one per line")
    List<String> targets = new ArrayList<>();

    @Option(names = "--site", description = "Site name reported to the inventory (required with --inventory)")
    String site;

    @Option(names = "--exclude", split = ",", paramLabel = "TARGET", description = "Addresses never to probe (same forms as TARGET)")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--methods", split = ",", paramLabel = "METHOD",
            description = "Discovery methods (default: ${DEFAULT-VALUE})", defaultValue = "ws-discovery,sadp,dhip,http,rtsp,onvif,arp")
    List<String> methods = new ArrayList<>();

    @Option(names = "--no-multicast", description = "Send no multicast (WS-Discovery unicast and DHIP still run; SADP needs multicast)")
    boolean noMulticast;

    @Option(names = "--interface", paramLabel = "NAME|ADDRESS", description = "Network interface (name or address) to send from")
    String networkInterface;

    @Option(names = "--ports", split = ",", paramLabel = "PORT",
            description = "Camera TCP ports, swept on every target and fingerprinted on every device (default: ${DEFAULT-VALUE})",
            defaultValue = "80,443,554,8000,8080,37777")
    List<Integer> ports = new ArrayList<>();

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "JSON array of {\"cidr\",\"username\",\"password\"}; the first entry whose CIDR holds an address is tried, once")
    Path credentials;

    @Option(names = "--rate", description = "Probes per second, UDP datagrams and TCP connects together (default: ${DEFAULT-VALUE})",
            defaultValue = "5000")
    double rate;

    @Option(names = "--concurrency", description = "Devices probed at once in phase 2 (default: ${DEFAULT-VALUE})", defaultValue = "64")
    int concurrency;

    @Option(names = "--timeout", paramLabel = "MS", description = "Per-exchange timeout and late-reply window in ms (default: ${DEFAULT-VALUE})",
            defaultValue = "1000")
    int timeout;

    @Option(names = "--retries", description = "Extra UDP rounds for silent targets (default: ${DEFAULT-VALUE})", defaultValue = "1")
    int retries;

    @Option(names = "--no-tcp-sweep",
            description = "UDP discovery only, plus fingerprints of the devices that answered it (no connect sweep of --ports)")
    boolean noTcpSweep;

    /** Kept so older scripts still run: the TCP sweep it used to turn on is now the default. */
    @Option(names = "--http-sweep", hidden = true, description = "Alias of the default TCP sweep (cancels --no-tcp-sweep)")
    boolean httpSweep;

    @Option(names = "--format", description = "table, json or csv (default: ${DEFAULT-VALUE})", defaultValue = "table",
            converter = FormatConverter.class)
    OutputFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write results to FILE instead of standard output")
    Path output;

    @Option(names = "--inventory", paramLabel = "URL",
            description = "Inventory base URL; account from CAMAUDIT_USER / CAMAUDIT_PASSWORD")
    String inventory;

    @Option(names = "--spool", paramLabel = "DIR", description = "Where results wait when the inventory is unreachable (default: ${DEFAULT-VALUE})",
            defaultValue = "camaudit-spool")
    Path spool;

    @Option(names = "--max-targets", description = "Refuse scans of more addresses (default: ${DEFAULT-VALUE})", defaultValue = "65536")
    long maxTargets;

    @Option(names = "--allow-large", description = "Allow more than --max-targets addresses")
    boolean allowLarge;

    @Inject
    ScannerConfig config;

    @Override
    public Integer call() {
        CompilerPolicy.applyInBackground();
        ScanSettings settings;
        TargetSet targetSet;
        CredentialStore credentialStore;
        Optional<InventoryClient> client;
        try {
            settings = settings();
            targetSet = TargetSet.resolve(targets, excludes, maxTargets, allowLarge);
            credentialStore = credentials == null ? CredentialStore.empty() : CredentialStore.read(credentials);
            client = inventoryClient();
        } catch (TargetException | IllegalArgumentException e) {
            return Console.usage(e.getMessage());
        }
        // the registry is needed only to identify, so it loads while the network is swept
        CompletableFuture<OuiRegistry> oui = CompletableFuture.supplyAsync(() -> {
            try {
                return OuiRegistry.load(Optional.of(Path.of(config.ouiFile())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ScanProgress progress = TerminalProgress.forConsole();
        ScanEngine.Result result;
        try {
            result = new ScanEngine(settings, credentialStore, oui, new ProcNetArpReader(), progress).run(targetSet);
        } catch (UncheckedIOException e) {
            return Console.failure("cannot load the OUI registry: " + e.getCause().getMessage());
        } catch (IOException e) {
            return Console.failure("scan failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Console.failure("scan interrupted");
        } finally {
            if (progress instanceof TerminalProgress terminal) {
                terminal.finish();
            }
        }
        if (!result.complete()) {
            Console.info("the time budget ended before every device was fully probed; their results are partial");
        }
        try {
            writeOutput(result.observations());
        } catch (IOException e) {
            return Console.failure("cannot write results: " + e.getMessage());
        }
        if (client.isEmpty()) {
            return ExitCodes.DONE;
        }
        ObservationBatch batch = new ObservationBatch(UUID.randomUUID().toString(), site,
                new ObservationBatch.ScannerInfo(hostName(), VersionProvider.version()), result.startedAt().toString(),
                result.finishedAt().toString(), targetSet.covered(), result.observations());
        return Delivery.deliver(client.get(), batch, config.inventoryChunkSize(), new Spool(spool));
    }

    private ScanSettings settings() {
        Set<String> methodSet = new LinkedHashSet<>();
        for (String method : methods) {
            String name = method.trim().toLowerCase(Locale.ROOT);
            if (!ScanSettings.ALL_METHODS.contains(name)) {
                throw new IllegalArgumentException("unknown method '" + method + "' (expected some of "
                        + String.join(",", ScanSettings.ALL_METHODS) + ")");
            }
            methodSet.add(name);
        }
        for (int port : ports) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("invalid port " + port + " in --ports");
            }
        }
        require(rate > 0 && rate <= 1_000_000, "--rate must be between 1 and 1000000 probes/s");
        require(concurrency >= 1 && concurrency <= 4096, "--concurrency must be between 1 and 4096");
        require(timeout >= 10 && timeout <= 600_000, "--timeout must be between 10 and 600000 ms");
        require(retries >= 0 && retries <= 10, "--retries must be between 0 and 10");
        require(maxTargets >= 1, "--max-targets must be at least 1");
        Optional<NetworkInterface> nic = Optional.empty();
        Optional<InetAddress> bind = Optional.empty();
        if (networkInterface != null) {
            nic = Optional.of(resolveInterface(networkInterface));
            bind = nic.get().inetAddresses().filter(a -> a.getAddress().length == 4).findFirst();
            if (bind.isEmpty()) {
                throw new IllegalArgumentException("interface " + networkInterface + " has no IPv4 address");
            }
        }
        ScanSettings.Limits limits = new ScanSettings.Limits(config.maxXmlBytes(), config.maxHttpBodyBytes(),
                config.maxHttpHeaderBytes(), config.maxDatagramBytes(), config.socketBufferBytes(), config.retryGapFraction(),
                config.phase2Grace(), config.exchangeTimeouts(), config.deviceBudgetTimeouts(),
                config.maxPendingConnects());
        return new ScanSettings(Collections.unmodifiableSet(methodSet), !noMulticast, nic, bind, List.copyOf(ports), rate,
                concurrency, timeout, retries, httpSweep || !noTcpSweep, limits);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static NetworkInterface resolveInterface(String name) {
        try {
            NetworkInterface byName = NetworkInterface.getByName(name);
            if (byName != null) {
                return byName;
            }
            if (Addresses.isDottedQuad(name)) {
                NetworkInterface byAddress = NetworkInterface.getByInetAddress(InetAddress.getByName(name));
                if (byAddress != null) {
                    return byAddress;
                }
            }
        } catch (SocketException | UnknownHostException e) {
            throw new IllegalArgumentException("cannot read the network interfaces");
        }
        throw new IllegalArgumentException("no network interface named or holding '" + name + "'");
    }

    private Optional<InventoryClient> inventoryClient() {
        if (inventory == null) {
            return Optional.empty();
        }
        if (site == null || site.isBlank()) {
            throw new IllegalArgumentException("--site is required with --inventory");
        }
        return Optional.of(new InventoryClient(inventory, Optional.ofNullable(System.getenv("CAMAUDIT_USER")),
                Optional.ofNullable(System.getenv("CAMAUDIT_PASSWORD")), config.inventoryAttempts(),
                config.inventoryBackoff(), config.inventoryTimeout()));
    }

    private void writeOutput(List<Observation> observations) throws IOException {
        if (output == null) {
            Writer out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            format.writer().write(observations, out);
            out.flush();
            return;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            format.writer().write(observations, out);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /** Picocli converter for {@code --format}. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.parse(value);
        }
    }
}

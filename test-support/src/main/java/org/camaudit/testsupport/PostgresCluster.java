package org.camaudit.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private, throwaway PostgreSQL cluster under {@code target/}: {@code initdb}, a free loopback port,
 * one database, removed again when the JVM exits.
 *
 * <p>PostgreSQL refuses to run as root, so as root the server runs as the {@code postgres} system user
 * through {@code runuser}. Each JVM (each module's test run) gets its own folder and port, so modules
 * built in parallel never share or clobber a cluster.
 *
 * <p>{@code CAMAUDIT_TEST_DB_URL} (with {@code CAMAUDIT_TEST_DB_USER}, {@code CAMAUDIT_TEST_DB_PASSWORD})
 * switches to an existing server instead; see {@link #connection()}.
 */
public final class PostgresCluster {

    public static final String URL_ENV = "CAMAUDIT_TEST_DB_URL";
    public static final String USER_ENV = "CAMAUDIT_TEST_DB_USER";
    public static final String PASSWORD_ENV = "CAMAUDIT_TEST_DB_PASSWORD";

    private static final String USER = "camaudit";
    private static final String PASSWORD = "camaudit";
    private static final long COMMAND_TIMEOUT_SECONDS = 120;
    private static final Duration STALE_AFTER = Duration.ofMinutes(30);

    private static PostgresCluster shared;

    private final Path binDir;
    private final Path dataDir;
    private final String database;
    private final boolean asPostgresUser;
    private int port;
    private boolean running;

    /** Connection settings for a database: the external one when configured, else a private cluster. */
    public record Connection(String jdbcUrl, String user, String password) {
        public Map<String, String> quarkusConfig() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", jdbcUrl,
                    "quarkus.datasource.username", user,
                    "quarkus.datasource.password", password);
        }
    }

    private PostgresCluster(Path binDir, Path dataDir, String database) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.database = database;
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
    }

    /**
     * The database for this JVM's tests: {@code CAMAUDIT_TEST_DB_URL} when set, else the JVM-wide private
     * cluster, started on first use and removed at exit.
     */
    public static synchronized Connection connection() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            return new Connection(url,
                    Optional.ofNullable(System.getenv(USER_ENV)).orElse("postgres"),
                    Optional.ofNullable(System.getenv(PASSWORD_ENV)).orElse(""));
        }
        if (shared == null) {
            PostgresCluster cluster = create(Path.of("target"), "camaudit");
            cluster.start();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::destroy, "postgres-cluster-cleanup"));
            shared = cluster;
        }
        return shared.jdbc();
    }

    /** The JVM-wide private cluster, for tests that stop and restart the database (empty with an external one). */
    public static synchronized Optional<PostgresCluster> shared() {
        return Optional.ofNullable(shared);
    }

    /** A new cluster under {@code parent}; call {@link #start()} then {@link #destroy()}. */
    public static PostgresCluster create(Path parent, String database) {
        Path bin = findBinaries();
        try {
            Files.createDirectories(parent);
            removeStaleClusters(parent);
            Path dir = Files.createTempDirectory(parent.toAbsolutePath(), "pg-");
            return new PostgresCluster(bin, dir, database);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a PostgreSQL data folder under " + parent, e);
        }
    }

    public Connection jdbc() {
        return new Connection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, PASSWORD);
    }

    public int port() {
        return port;
    }

    /**
     * initdb on first start, then start the server on a free loopback port and create the database. A restart
     * keeps the earlier port when it is still free, as a restarted production server would, so clients that
     * hold the old URL reconnect.
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        try {
            boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
            if (fresh) {
                initdb();
            }
            port = port != 0 && isFree(port) ? port : freePort();
            pgCtl("start", "-w", "-t", "60", "-l", dataDir.resolve("server.log").toString(),
                    "-o", "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1"
                            + " -c fsync=off -c full_page_writes=off"
                            + " -c max_connections=200");
            running = true;
            if (fresh) {
                run(List.of(binDir.resolve("createdb").toString(), "-h", "127.0.0.1", "-p",
                        String.valueOf(port), "-U", USER, database));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server immediately (as a crash would), keeping the data for a later {@link #start()}. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        try {
            pgCtl("stop", "-m", "immediate", "-w");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            running = false;
        }
    }

    /** Stops the server and removes its data folder. */
    public synchronized void destroy() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("camaudit test-support: could not stop PostgreSQL in " + dataDir + ": " + e.getMessage());
        }
        deleteTree(dataDir);
    }

    private void initdb() throws IOException {
        Path pwFile = dataDir.resolveSibling(dataDir.getFileName() + ".pw");
        Files.writeString(pwFile, PASSWORD, StandardCharsets.UTF_8);
        try {
            if (asPostgresUser) {
                Files.setPosixFilePermissions(pwFile, PosixFilePermissions.fromString("rw-r--r--"));
                chownToPostgres(dataDir);
            }
            run(List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", USER,
                    "--pwfile=" + pwFile, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"));
        } finally {
            Files.deleteIfExists(pwFile);
        }
    }

    private void pgCtl(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binDir.resolve("pg_ctl").toString());
        cmd.add("-D");
        cmd.add(dataDir.toString());
        cmd.addAll(List.of(args));
        run(cmd);
    }

    private void run(List<String> command) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        Path out = Files.createTempFile("pg-cmd", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", cmd));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("failed (exit " + p.exitValue() + "): " + String.join(" ", cmd)
                        + "\n" + Files.readString(out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void chownToPostgres(Path dir) throws IOException {
        Process p = new ProcessBuilder("chown", "postgres:", dir.toString()).inheritIO().start();
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("cannot chown " + dir + " to the postgres user");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Finds initdb/pg_ctl: {@code pg_config --bindir}, else the newest {@code /usr/lib/postgresql/N/bin}. */
    static Path findBinaries() {
        List<Path> candidates = new ArrayList<>();
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() == 0 && !out.isEmpty()) {
                candidates.add(Path.of(out));
            }
        } catch (IOException e) {
            // pg_config is not installed; fall back to the Debian layout below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(v -> v.resolve("bin"))
                        .sorted(Comparator.comparing(PostgresCluster::majorVersion).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidates.stream()
                .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("""
                        PostgreSQL server binaries (initdb, pg_ctl) not found: looked at `pg_config --bindir` and \
                        /usr/lib/postgresql/*/bin. Install them (Debian: apt-get install -y postgresql) or point \
                        CAMAUDIT_TEST_DB_URL (+ CAMAUDIT_TEST_DB_USER, CAMAUDIT_TEST_DB_PASSWORD) at an existing \
                        server."""));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Removes clusters left by a killed test run: folders without a live server that have not changed for
     * {@link #STALE_AFTER} (a younger one may be another build's cluster still in initdb).
     */
    private static void removeStaleClusters(Path parent) throws IOException {
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        try (Stream<Path> dirs = Files.list(parent)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("pg-") && Files.isDirectory(d)).toList()) {
                Path pid = dir.resolve("postmaster.pid");
                if (Files.exists(pid) && isAlive(pid)
                        || Files.getLastModifiedTime(dir).toInstant().isAfter(cutoff)) {
                    continue;
                }
                deleteTree(dir);
            }
        }
    }

    private static boolean isAlive(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("camaudit test-support: could not remove " + dir + ": " + e.getMessage());
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

package org.camaudit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class PostgresClusterTest {

    @Test
    void shouldServeAWritableDatabaseAndSurviveARestart() throws Exception {
        PostgresCluster cluster = PostgresCluster.create(Path.of("target"), "probe");
        try {
            cluster.start();
            var c = cluster.jdbc();
            try (var conn = DriverManager.getConnection(c.jdbcUrl(), c.user(), c.password())) {
                conn.createStatement().execute("create table t (v int)");
                conn.createStatement().execute("insert into t values (42)");
            }
            cluster.stop();
            assertThatThrownBy(() -> DriverManager.getConnection(c.jdbcUrl(), c.user(), c.password()))
                    .isInstanceOf(SQLException.class);
            cluster.start();
            var after = cluster.jdbc();
            try (var conn = DriverManager.getConnection(after.jdbcUrl(), after.user(), after.password());
                    ResultSet rs = conn.createStatement().executeQuery("select v from t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        } finally {
            cluster.destroy();
        }
    }

    @Test
    void shouldRemoveItsDataFolderWhenDestroyed() throws Exception {
        PostgresCluster cluster = PostgresCluster.create(Path.of("target"), "probe");
        cluster.start();
        long before;
        try (var dirs = Files.list(Path.of("target"))) {
            before = dirs.filter(d -> d.getFileName().toString().startsWith("pg-")).count();
        }
        cluster.destroy();
        try (var dirs = Files.list(Path.of("target"))) {
            assertThat(dirs.filter(d -> d.getFileName().toString().startsWith("pg-")).count()).isEqualTo(before - 1);
        }
    }
}

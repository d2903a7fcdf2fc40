package org.camaudit.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test's datasource at {@link PostgresCluster#connection()}: the test JVM's private
 * cluster, or {@code CAMAUDIT_TEST_DB_URL}. Use with {@code @QuarkusTestResource(PostgresTestResource.class)}
 * (or {@code @WithTestResource}). The cluster outlives Quarkus restarts between test profiles and is
 * removed when the JVM exits.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return PostgresCluster.connection().quarkusConfig();
    }

    @Override
    public void stop() {
        // the cluster is shared by every test class of this JVM; its shutdown hook removes it
    }
}

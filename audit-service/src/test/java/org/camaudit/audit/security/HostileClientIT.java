package org.camaudit.audit.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The hostile-client checks against the packaged jar, over real HTTP. */
@QuarkusIntegrationTest
class HostileClientIT extends HostileClientTest {
}

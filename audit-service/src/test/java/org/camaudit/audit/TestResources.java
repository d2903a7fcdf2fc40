package org.camaudit.audit;

import io.quarkus.test.common.QuarkusTestResource;

import org.camaudit.testsupport.PostgresTestResource;

/** Every Quarkus test of this module runs against a real PostgreSQL cluster and the inventory stub. */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = InventoryStub.class, restrictToAnnotatedClass = false)
public final class TestResources {

    private TestResources() {
    }
}

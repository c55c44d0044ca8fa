package org.tierslieux.server.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Declares the test database and the local Mollie server for every {@code @QuarkusTest} of the module (one
 * database, one boot).
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MollieSimulatorResource.class, restrictToAnnotatedClass = false)
public final class DemoTestResources {
    private DemoTestResources() {}
}

package org.tierslieux.server.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.tierslieux.server.mollie.DemoMollie;
import org.tierslieux.server.mollie.MollieSimulator;

/**
 * The tests' local Mollie server: one for the whole test run (declared in {@link DemoTestResources}, so every
 * {@code @QuarkusTest} shares one boot), with the demo places' keys registered (the demo seeding stores them).
 * Tests reach it with {@link #simulator()}; isolate yourself by registering your own key
 * ({@code simulator().registerKey(MollieSimulator.newKey())}) or by using payments you created.
 */
public class MollieSimulatorResource implements QuarkusTestResourceLifecycleManager {

    private static MollieSimulator simulator;

    /** The running simulator (started before Quarkus boots). */
    public static MollieSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The local Mollie server starts with the first @QuarkusTest");
        }
        return simulator;
    }

    @Override
    public Map<String, String> start() {
        simulator = MollieSimulator.start().makeLocal();
        DemoMollie.registerDemoKeys(simulator);
        return Map.of("tl.mollie.base-url", simulator.baseUrl());
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}

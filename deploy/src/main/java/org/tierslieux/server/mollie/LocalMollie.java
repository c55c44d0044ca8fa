package org.tierslieux.server.mollie;

/**
 * Starts the local Mollie server for the embedded default, unless the operator points the application at a
 * Mollie of their own ({@code tl.mollie.base-url} / {@code TL_MOLLIE_BASE_URL}) or switches it off
 * ({@code TL_MOLLIE_SIMULATOR=false}). The application then talks to it through {@code tl.mollie.base-url}.
 */
public final class LocalMollie {

    private LocalMollie() {}

    /** The running simulator (to close on exit), or a no-op when none was wanted. */
    public static AutoCloseable startIfWanted() {
        boolean off = "false"
                .equalsIgnoreCase(
                        first(System.getProperty("tl.mollie.simulator"), System.getenv("TL_MOLLIE_SIMULATOR")));
        boolean ownMollie =
                first(System.getProperty("tl.mollie.base-url"), System.getenv("TL_MOLLIE_BASE_URL")) != null;
        if (off || ownMollie) {
            return () -> {};
        }
        MollieSimulator simulator = MollieSimulator.start().makeLocal();
        DemoMollie.registerDemoKeys(simulator);
        System.setProperty("tl.mollie.base-url", simulator.baseUrl());
        System.out.println("Local Mollie server (no real payment) on " + simulator.baseUrl());
        return simulator;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}

package org.tierslieux.server.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tells the person who started the application where to open it, and how to sign in on the demo. */
@ApplicationScoped
class StartupBanner {

    @ConfigProperty(name = "tl.public-url")
    String publicUrl;

    @ConfigProperty(name = "tl.demo.enabled", defaultValue = "false")
    boolean demo;

    void announce(@Observes @Priority(1000) StartupEvent started) {
        System.out.println();
        System.out.println("  TiersLieux Manager is ready: open " + publicUrl + "/");
        if (demo) {
            System.out.println("  Demo accounts (password \"demo\"): member@demo.test, manager@demo.test,");
            System.out.println("  treasurer@demo.test, member2@demo.test, admin@demo.test");
        }
        System.out.println();
    }
}

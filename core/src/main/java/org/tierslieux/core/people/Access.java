package org.tierslieux.core.people;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint. Every endpoint of the application carries one of these (on the method or its
 * class); an endpoint without one is refused, so a forgotten check fails closed.
 */
public final class Access {

    private Access() {}

    /** Anyone, signed in or not: the network's public pages and map. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    public @interface Public {}

    /** Any signed-in person, whatever their places. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    public @interface SignedIn {}

    /** Network admins only. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    public @interface NetworkAdmin {}

    /**
     * People with one of these roles in the place of the path ({@code {place}}). {@link Role#MEMBER} means any
     * role in the place. With {@code networkAdmin}, network admins may too.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    public @interface InPlace {
        Role[] value();

        boolean networkAdmin() default false;
    }
}

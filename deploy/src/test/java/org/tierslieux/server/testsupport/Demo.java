package org.tierslieux.server.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The demo accounts and places of the API contract, as tests use them. */
public final class Demo {

    public static final String PASSWORD = "demo";
    public static final String ADMIN = "admin@demo.test";
    public static final String MANAGER = "manager@demo.test";
    public static final String TREASURER = "treasurer@demo.test";
    public static final String MEMBER = "member@demo.test";
    public static final String MEMBER2 = "member2@demo.test";
    public static final String FILATURE = "la-filature";
    public static final String ATELIER = "atelier-commun";

    private Demo() {}

    /** A JSON request signed in as {@code email} with HTTP Basic, as an integration would. */
    public static RequestSpecification as(String email) {
        return given().auth()
                .preemptive()
                .basic(email, PASSWORD)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}

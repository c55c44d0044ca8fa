package org.tierslieux.server.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.tierslieux.server.testsupport.Demo.browsing;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.tierslieux.server.testsupport.Demo;

/** The pages of plans and credits, as a member and a manager use them in a browser (forms, redirects). */
@QuarkusTest
class PlanPagesTest {

    @Test
    void a_member_sees_the_quote_subscribes_and_finds_the_credits_a_manager_sees_the_subscription() {
        Fixtures.Place place = Fixtures.aPlace("pages", Fixtures.PARIS);
        String name = Fixtures.unique("Résident");
        String plan = PlanSteps.plan(place, PlanSteps.aPlan(name, "MONTH", "90", "DESK_POOL", "DAY", 10));
        String home = "/" + place.slug();

        browsing(Demo.MEMBER).get(home + "/plans").then().statusCode(200).body(containsString(name));
        browsing(Demo.MEMBER)
                .get(home + "/plans/" + plan + "/subscribe")
                .then()
                .statusCode(200)
                .body(containsString("id=\"quote-charged\""))
                .body(containsString("EUR"));
        browsing(Demo.MEMBER)
                .post(home + "/plans/" + plan + "/subscribe")
                .then()
                .statusCode(303)
                .header("Location", containsString("/plans?done=subscribed"));
        // subscribing again from a stale page shows the form again with the reason
        browsing(Demo.MEMBER)
                .post(home + "/plans/" + plan + "/subscribe")
                .then()
                .statusCode(409)
                .body(containsString("form-error"));
        String credits = browsing(Demo.MEMBER)
                .get(home + "/credits")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(credits).contains(name).contains("class=\"lot\"");

        browsing(Demo.MANAGER)
                .get(home + "/manage/subscriptions")
                .then()
                .statusCode(200)
                .body(containsString(name))
                .body(containsString("data-status=\"ACTIVE\""));
        browsing(Demo.MANAGER)
                .get(home + "/manage/plans")
                .then()
                .statusCode(200)
                .body(containsString(name));
        browsing(Demo.MANAGER)
                .formParam("name", Fixtures.unique("Carnet"))
                .formParam("kind", "DESK_POOL")
                .formParam("unit", "DAY")
                .formParam("quantity", "10")
                .formParam("validityMonths", "6")
                .formParam("price", "150")
                .formParam("vat", "20")
                .post(home + "/manage/plans/packs")
                .then()
                .statusCode(303);
        browsing(Demo.MANAGER)
                .formParam("name", Fixtures.unique("Sans période"))
                .formParam("price", "-3")
                .formParam("vat", "20")
                .post(home + "/manage/plans")
                .then()
                .statusCode(422)
                .body(containsString("form-error"));
        browsing(Demo.MANAGER)
                .post(home + "/manage/subscriptions/renewals")
                .then()
                .statusCode(303)
                .header("Location", containsString("ran=0"));
        browsing(Demo.MEMBER).get(home + "/manage/plans").then().statusCode(403);
    }
}

package org.tierslieux.billing.mollie;

import be.woutschoovaerts.mollie.exception.MollieException;
import be.woutschoovaerts.mollie.handler.CustomerHandler;
import be.woutschoovaerts.mollie.handler.MandateHandler;
import be.woutschoovaerts.mollie.handler.PaymentHandler;
import be.woutschoovaerts.mollie.handler.RefundHandler;
import be.woutschoovaerts.mollie.util.Config;
import be.woutschoovaerts.mollie.util.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tierslieux.core.error.DomainException;

/**
 * The Mollie Java client pointed at {@code tl.mollie.base-url} (its own base URL is hard-coded, so the handlers
 * are built here with ours) and Mollie's answers turned into the port's errors: unreachable or 5xx →
 * {@code payment.provider-unavailable} (503); any other refusal → {@code payment.provider-refused} (422, with
 * Mollie's {@code detail}); 404 → empty where "not found" can happen.
 */
@ApplicationScoped
class MollieApi {

    private static final Logger LOG = Logger.getLogger(MollieApi.class);

    /** A call to Mollie that may fail as Mollie fails. */
    interface Call<T> {
        T call() throws MollieException;
    }

    /** The handlers of one key. */
    record Handlers(
            PaymentHandler payments, RefundHandler refunds, CustomerHandler customers, MandateHandler mandates) {}

    static {
        // the client configures the (static) HTTP library to write JSON with its own Jackson mapper when a Client is
        // built; the handlers built here with our base URL need that too (else bodies go out through Gson and fail)
        new be.woutschoovaerts.mollie.Client("not-used");
    }

    private final String baseUrl;

    MollieApi(@ConfigProperty(name = "tl.mollie.base-url", defaultValue = "https://api.mollie.com") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    Handlers with(String apiKey) {
        Config config = new Config();
        config.setApiKey(apiKey);
        String v2 = baseUrl + "/v2";
        return new Handlers(
                new PaymentHandler(v2, config),
                new RefundHandler(v2, config),
                new CustomerHandler(v2, config),
                new MandateHandler(v2, config));
    }

    /** Whether Mollie accepts the key (a one-item payments list); empty when Mollie cannot be reached. */
    Optional<Boolean> accepts(String apiKey) {
        try {
            QueryParams params = new QueryParams();
            params.put("limit", "1");
            with(apiKey).payments().listPayments(params);
            return Optional.of(true);
        } catch (MollieException e) {
            int status = status(e);
            if (status == 401 || status == 403) {
                return Optional.of(false);
            }
            LOG.warnf("Mollie could not check a key: %s", describe(e));
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warnf("Mollie could not check a key: %s", e.toString());
            return Optional.empty();
        }
    }

    <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (MollieException e) {
            throw translate(e);
        } catch (RuntimeException e) {
            // unirest's own failures (connection refused, timeout) surface as runtime exceptions
            LOG.warnf("Mollie unreachable: %s", e.toString());
            throw new DomainException(503, "payment.provider-unavailable", Map.of());
        }
    }

    /** Like {@link #call} but a 404 answers empty (a payment of another key is not found either). */
    <T> Optional<T> find(Call<T> call) {
        try {
            return Optional.of(call.call());
        } catch (MollieException e) {
            if (status(e) == 404) {
                return Optional.empty();
            }
            throw translate(e);
        } catch (RuntimeException e) {
            LOG.warnf("Mollie unreachable: %s", e.toString());
            throw new DomainException(503, "payment.provider-unavailable", Map.of());
        }
    }

    private static DomainException translate(MollieException e) {
        int status = status(e);
        if (status == 0 || status >= 500 || status == 429) {
            LOG.warnf("Mollie unavailable: %s", describe(e));
            return new DomainException(503, "payment.provider-unavailable", Map.of());
        }
        LOG.infof("Mollie refused: %s", describe(e));
        Object detail = e.getDetails() == null ? null : e.getDetails().get("detail");
        return new DomainException(
                422, "payment.provider-refused", Map.of("detail", detail == null ? String.valueOf(status) : detail));
    }

    static int status(MollieException e) {
        Map<String, Object> details = e.getDetails();
        if (details == null) {
            return 0;
        }
        Object status = details.get("status");
        return status instanceof Number n ? n.intValue() : 0;
    }

    private static String describe(MollieException e) {
        return e.getDetails() == null ? String.valueOf(e.getCause()) : String.valueOf(e.getDetails());
    }
}

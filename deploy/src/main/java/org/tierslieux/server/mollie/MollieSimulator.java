package org.tierslieux.server.mollie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * A local stand-in for Mollie's v2 API, answering as docs.mollie.com documents it: the payments API (create,
 * get, list, cancel), refunds (create, get, list), customers, mandates and customer payments with
 * {@code sequenceType} {@code first} and {@code recurring}; errors as {@code application/hal+json} with {@code
 * status}, {@code title}, {@code detail} and {@code _links.documentation}; 401 for an unknown key and 404 for a
 * payment of another key. Each API key is an account: it sees only what it created.
 *
 * <p>A payment's {@code _links.checkout.href} leads to a page (like Mollie's test-mode page) where the payer
 * picks the outcome; the simulator then calls the payment's webhook ({@code POST}, form field {@code
 * id=tr_...}) and redirects to its {@code redirectUrl}. A paid {@code first} payment creates a valid mandate;
 * a {@code recurring} payment starts {@code pending} and settles (paid, or failed when its description contains
 * {@code FAIL} or when {@link #nextChargeOutcomes} says so) after {@link #settleDelay}, or when a test calls
 * {@link #settle}.
 *
 * <p>Test-facing API (everything a test needs, no HTTP): {@link #start()}, {@link #baseUrl()} (the value of
 * {@code tl.mollie.base-url}), {@link #registerKey}, {@link #newKey()}, {@link #complete} (the payer's choice),
 * {@link #settle}, {@link #nextChargeOutcomes}, {@link #autoSettle}, {@link #status}, {@link #webhookCalls},
 * {@link #redeliverWebhook}, {@link #refunds}; and the faults a test needs, which Mollie itself never does on
 * demand: {@link #unavailable} (every call of a key answers 503), {@link #alterAmount} (a payment reports
 * another amount than the one created) and {@link #staleStatus} (the next read of a payment answers an older
 * status, as a late or out-of-order view would). The same is reachable over HTTP under {@code /_sim/...} (not
 * Mollie's API; see docs/operations/payments.md).
 *
 * <p>Not simulated: webhooks for refund status changes, retries of failed webhook calls, pagination beyond
 * one page (lists answer up to 250 items), orders, subscriptions, captures, chargebacks.
 */
public final class MollieSimulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MollieSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern KEY = Pattern.compile("(test|live)_[A-Za-z0-9]{30,}");
    static final Set<String> PAYER_CHOICES = Set.of("paid", "failed", "canceled", "expired", "open", "pending");

    /** A webhook call the simulator made: {@code responseStatus} is -1 when the call itself failed. */
    public record WebhookCall(String paymentId, String url, int responseStatus, Instant at) {}

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService settler;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private final List<WebhookCall> webhookCalls = new CopyOnWriteArrayList<>();
    private final MollieJson json;
    private volatile Duration settleDelay = Duration.ofMillis(500);

    /** The simulator this process's application talks to (embedded default, tests), if any. */
    private static volatile MollieSimulator local;

    private MollieSimulator(HttpServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
        this.workers = Executors.newVirtualThreadPerTaskExecutor();
        this.settler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mollie-simulator-settler");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(workers)
                .build();
        this.json = new MollieJson(this::baseUrl);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    /** Starts on 127.0.0.1 on a free port. */
    public static MollieSimulator start() {
        return start("127.0.0.1", 0, Clock.systemUTC());
    }

    /** Starts on {@code host}:{@code port} (0: a free port). */
    public static MollieSimulator start(String host, int port, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 50);
            MollieSimulator simulator = new MollieSimulator(server, clock);
            server.start();
            LOG.infof("Local Mollie server (simulator) listening on %s", simulator.baseUrl());
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the local Mollie server", e);
        }
    }

    /** Makes this the simulator of this process (the one the demo seeding registers its keys with). */
    public MollieSimulator makeLocal() {
        local = this;
        return this;
    }

    /** The simulator of this process, when the embedded default or the tests started one. */
    public static Optional<MollieSimulator> local() {
        return Optional.ofNullable(local);
    }

    /** What {@code tl.mollie.base-url} takes: the adapter adds {@code /v2}. */
    public String baseUrl() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A fresh, well-formed test API key ({@code test_} and 30 characters), not yet registered. */
    public static String newKey() {
        return "test_" + random(30);
    }

    /** Opens an account for {@code apiKey} (idempotent). Only registered keys are accepted (else 401). */
    public MollieSimulator registerKey(String apiKey) {
        if (apiKey == null || !KEY.matcher(apiKey).matches()) {
            throw new IllegalArgumentException("A Mollie API key looks like test_... or live_... (30+ characters)");
        }
        accounts.computeIfAbsent(apiKey, Account::new);
        return this;
    }

    public boolean knowsKey(String apiKey) {
        return apiKey != null && accounts.containsKey(apiKey);
    }

    /** How long a recurring payment stays pending before it settles by itself. */
    public MollieSimulator settleDelay(Duration delay) {
        this.settleDelay = delay;
        return this;
    }

    /** Whether recurring payments of this key settle by themselves (default) or wait for {@link #settle}. */
    public MollieSimulator autoSettle(String apiKey, boolean on) {
        account(apiKey).autoSettle = on;
        return this;
    }

    /** The outcomes ({@code paid} or {@code failed}) of the next recurring charges of this key, in order. */
    public MollieSimulator nextChargeOutcomes(String apiKey, String... statuses) {
        Account account = account(apiKey);
        synchronized (account) {
            for (String status : statuses) {
                if (!Set.of("paid", "failed").contains(status)) {
                    throw new IllegalArgumentException("A charge settles paid or failed, not " + status);
                }
                account.nextCharges.add(status);
            }
        }
        return this;
    }

    /**
     * What the payer does on the checkout page: the payment takes {@code status} (paid, failed, canceled,
     * expired, pending, or open to leave it open), its webhook is called, and its redirect URL is returned.
     */
    public Optional<String> complete(String paymentId, String status) {
        Payment payment = payment(paymentId);
        if (!PAYER_CHOICES.contains(status) && !"authorized".equals(status)) {
            throw new IllegalArgumentException("Unknown payment status " + status);
        }
        if (!"open".equals(status)) {
            changeStatus(payment, status);
            callWebhook(payment);
        }
        return Optional.ofNullable(payment.redirectUrl);
    }

    /** Settles a pending recurring payment now (paid, or the next queued outcome, or failed for "FAIL"). */
    public void settle(String paymentId) {
        Payment payment = payment(paymentId);
        synchronized (payment.account) {
            if (!"pending".equals(payment.status)) {
                return;
            }
            changeStatus(payment, outcomeOf(payment));
        }
        callWebhook(payment);
    }

    /** The payment's current status ({@code open}, {@code paid}, ...). */
    public String status(String paymentId) {
        return payment(paymentId).status;
    }

    /** The payment as Mollie's API would answer it (a JSON object), for assertions. */
    public JsonNode paymentJson(String paymentId) {
        return json.payment(payment(paymentId));
    }

    /** Every webhook call made so far, oldest first. */
    public List<WebhookCall> webhookCalls() {
        return List.copyOf(webhookCalls);
    }

    public List<WebhookCall> webhookCalls(String paymentId) {
        return webhookCalls.stream()
                .filter(c -> c.paymentId().equals(paymentId))
                .toList();
    }

    /** Calls the payment's webhook again, as Mollie does on retries (duplicates must change nothing). */
    public WebhookCall redeliverWebhook(String paymentId) {
        return callWebhook(payment(paymentId));
    }

    /** The ids of this key's payments, oldest first. */
    public List<String> paymentsOf(String apiKey) {
        return List.copyOf(account(apiKey).payments.keySet());
    }

    /** The payment's refunds as Mollie's API answers them (JSON objects), oldest first. */
    public List<JsonNode> refunds(String paymentId) {
        Payment payment = payment(paymentId);
        synchronized (payment.account) {
            return payment.refunds.stream().map(r -> (JsonNode) json.refund(r)).toList();
        }
    }

    /**
     * Test fault, not Mollie's behaviour on demand: while on, every API call with this key answers {@code 503
     * Service Unavailable} (as Mollie does in an outage), so a test can see what the application does when its
     * provider is down, without touching any other key.
     */
    public MollieSimulator unavailable(String apiKey, boolean on) {
        account(apiKey).unavailable = on;
        return this;
    }

    /**
     * Test fault, not Mollie's behaviour: the payment now reports {@code value} (in its currency, e.g. {@code
     * "0.01"}) as its amount, as a broken or tampered account would; the application must not trust it.
     */
    public MollieSimulator alterAmount(String paymentId, String value) {
        Payment payment = payment(paymentId);
        Amount amount = new Amount(new BigDecimal(value), payment.amount.currency());
        amount.text(); // the currency's decimals, or ArithmeticException
        synchronized (payment.account) {
            payment.amount = amount;
        }
        return this;
    }

    /**
     * Test fault, not Mollie's behaviour on demand: the next read ({@code GET /v2/payments/{id}}) of the payment
     * answers {@code status} instead of its current one (one read per call queued), as a late or out-of-order
     * view of it would; the payment itself does not change.
     */
    public MollieSimulator staleStatus(String paymentId, String status) {
        Payment payment = payment(paymentId);
        if (!PAYER_CHOICES.contains(status) && !"authorized".equals(status)) {
            throw new IllegalArgumentException("Unknown payment status " + status);
        }
        synchronized (payment.account) {
            payment.staleReads.add(status);
        }
        return this;
    }

    @Override
    public void close() {
        if (local == this) {
            local = null;
        }
        server.stop(0);
        settler.shutdownNow();
        workers.shutdownNow();
    }

    // ---------------------------------------------------------------- state

    static final class Account {
        final String key;
        final String mode;
        final String profileId = "pfl_" + random(10);
        final Map<String, Payment> payments = new LinkedHashMap<>();
        final Map<String, Customer> customers = new LinkedHashMap<>();
        final Deque<String> nextCharges = new ArrayDeque<>();
        volatile boolean autoSettle = true;
        volatile boolean unavailable;

        Account(String key) {
            this.key = key;
            this.mode = key.startsWith("live_") ? "live" : "test";
        }
    }

    static final class Payment {
        final String id = "tr_" + random(10);
        Account account;
        Instant createdAt;
        Amount amount;
        String description;
        String redirectUrl;
        String webhookUrl;
        JsonNode metadata;
        String method;
        String locale;
        String customerId;
        String mandateId;
        String sequenceType;
        String status = "open";
        Instant expiresAt;
        Instant authorizedAt;
        Instant paidAt;
        Instant canceledAt;
        Instant expiredAt;
        Instant failedAt;
        final List<Refund> refunds = new ArrayList<>();
        final Deque<String> staleReads = new ArrayDeque<>();

        BigDecimal refunded() {
            return refunds.stream()
                    .filter(r -> !Set.of("failed", "canceled").contains(r.status))
                    .map(r -> r.amount.value())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        boolean cancelable() {
            return "open".equals(status);
        }
    }

    static final class Refund {
        final String id = "re_" + random(10);
        Payment payment;
        Amount amount;
        String description;
        JsonNode metadata;
        String status = "pending";
        Instant createdAt;
    }

    static final class Customer {
        final String id = "cst_" + random(10);
        Account account;
        String name;
        String email;
        String locale;
        JsonNode metadata;
        Instant createdAt;
        final List<Mandate> mandates = new ArrayList<>();
    }

    static final class Mandate {
        final String id = "mdt_" + random(10);
        Customer customer;
        String status = "valid";
        String method;
        String reference;
        String consumerName;
        String consumerAccount;
        java.time.LocalDate signatureDate;
        Instant createdAt;
    }

    /** An amount as Mollie writes it: the value with the currency's exact decimals. */
    record Amount(BigDecimal value, String currency) {
        String text() {
            int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            return value.setScale(digits, java.math.RoundingMode.UNNECESSARY).toPlainString();
        }
    }

    private Account account(String apiKey) {
        Account account = accounts.get(apiKey);
        if (account == null) {
            throw new IllegalArgumentException("Unknown key: register it first");
        }
        return account;
    }

    private Payment payment(String paymentId) {
        Payment payment = payments.get(paymentId);
        if (payment == null) {
            throw new IllegalArgumentException("No payment " + paymentId);
        }
        return payment;
    }

    private void changeStatus(Payment payment, String status) {
        synchronized (payment.account) {
            boolean allowed = switch (payment.status) {
                case "open" -> !"open".equals(status);
                case "pending" ->
                    Set.of("paid", "failed", "canceled", "expired").contains(status);
                case "authorized" -> Set.of("paid", "canceled", "expired").contains(status);
                default -> false;
            };
            if (!allowed) {
                throw new IllegalStateException(
                        "A " + payment.status + " payment cannot become " + status + " (" + payment.id + ")");
            }
            Instant now = clock.instant();
            payment.status = status;
            switch (status) {
                case "paid" -> payment.paidAt = now;
                case "authorized" -> payment.authorizedAt = now;
                case "canceled" -> payment.canceledAt = now;
                case "expired" -> payment.expiredAt = now;
                case "failed" -> payment.failedAt = now;
                default -> {}
            }
            if ("paid".equals(status) && payment.method == null) {
                payment.method = "first".equals(payment.sequenceType) ? "directdebit" : "creditcard";
            }
            if ("paid".equals(status) && "first".equals(payment.sequenceType) && payment.mandateId == null) {
                Customer customer = payment.account.customers.get(payment.customerId);
                Mandate mandate = new Mandate();
                mandate.customer = customer;
                mandate.method = "creditcard".equals(payment.method) ? "creditcard" : "directdebit";
                mandate.reference = "TL-" + random(8).toUpperCase(Locale.ROOT);
                mandate.consumerName = customer.name == null ? "T. Lieux" : customer.name;
                mandate.consumerAccount = "NL55INGB0000000000";
                mandate.signatureDate = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
                mandate.createdAt = now;
                customer.mandates.add(mandate);
                payment.mandateId = mandate.id;
            }
        }
    }

    private String outcomeOf(Payment payment) {
        if (payment.description != null && payment.description.contains("FAIL")) {
            return "failed";
        }
        synchronized (payment.account) {
            String next = payment.account.nextCharges.poll();
            return next == null ? "paid" : next;
        }
    }

    private WebhookCall callWebhook(Payment payment) {
        if (payment.webhookUrl == null || payment.webhookUrl.isBlank()) {
            return null;
        }
        int status;
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(payment.webhookUrl))
                            .timeout(Duration.ofSeconds(15))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("id=" + payment.id))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (IOException e) {
            LOG.warnf("Webhook %s for %s failed: %s", payment.webhookUrl, payment.id, e.toString());
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        WebhookCall call = new WebhookCall(payment.id, payment.webhookUrl, status, clock.instant());
        webhookCalls.add(call);
        return call;
    }

    // ---------------------------------------------------------------- HTTP

    /** An error answered as Mollie does. */
    static final class MollieError extends RuntimeException {
        final int status;
        final String title;
        final String field;

        MollieError(int status, String title, String detail, String field) {
            super(detail);
            this.status = status;
            this.title = title;
            this.field = field;
        }

        static MollieError unprocessable(String detail, String field) {
            return new MollieError(422, "Unprocessable Entity", detail, field);
        }

        static MollieError notFound(String detail) {
            return new MollieError(404, "Not Found", detail, null);
        }
    }

    private static final Pattern PAYMENT = Pattern.compile("/v2/payments/([^/]+)");
    private static final Pattern PAYMENT_REFUNDS = Pattern.compile("/v2/payments/([^/]+)/refunds");
    private static final Pattern PAYMENT_REFUND = Pattern.compile("/v2/payments/([^/]+)/refunds/([^/]+)");
    private static final Pattern CUSTOMER = Pattern.compile("/v2/customers/([^/]+)");
    private static final Pattern CUSTOMER_PAYMENTS = Pattern.compile("/v2/customers/([^/]+)/payments");
    private static final Pattern CUSTOMER_MANDATES = Pattern.compile("/v2/customers/([^/]+)/mandates");
    private static final Pattern CUSTOMER_MANDATE = Pattern.compile("/v2/customers/([^/]+)/mandates/([^/]+)");
    private static final Pattern CHECKOUT = Pattern.compile("/checkout/([^/]+)");
    private static final Pattern SIM_STATUS = Pattern.compile("/_sim/payments/([^/]+)/status");
    private static final Pattern SIM_AMOUNT = Pattern.compile("/_sim/payments/([^/]+)/amount");
    private static final Pattern SIM_STALE = Pattern.compile("/_sim/payments/([^/]+)/stale");

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                if (path.startsWith("/v2/")) {
                    api(exchange, method, path);
                } else if (path.startsWith("/checkout/")) {
                    CheckoutPage.handle(this, exchange, method, match(CHECKOUT, path));
                } else if (path.startsWith("/_sim/")) {
                    admin(exchange, method, path);
                } else {
                    throw MollieError.notFound("Unknown path " + path);
                }
            } catch (MollieError error) {
                send(exchange, error.status, json.error(error.status, error.title, error.getMessage(), error.field));
            } catch (RuntimeException e) {
                LOG.error("Local Mollie server: unexpected error", e);
                send(exchange, 500, json.error(500, "Internal Server Error", String.valueOf(e.getMessage()), null));
            }
        }
    }

    private void api(HttpExchange exchange, String method, String path) throws IOException {
        Account account = authenticate(exchange);
        if (account.unavailable) {
            throw new MollieError(503, "Service Unavailable", "The service is temporarily unavailable", null);
        }
        Matcher m;
        synchronized (account) {
            if (path.equals("/v2/payments") && method.equals("POST")) {
                Payment payment = createPayment(account, body(exchange), null);
                send(exchange, 201, json.payment(payment));
            } else if (path.equals("/v2/payments") && method.equals("GET")) {
                send(exchange, 200, json.list("payments", "/v2/payments", account.payments.values(), json::payment));
            } else if ((m = PAYMENT_REFUND.matcher(path)).matches() && method.equals("GET")) {
                Payment payment = ownPayment(account, m.group(1));
                String refundId = m.group(2);
                Refund refund = payment.refunds.stream()
                        .filter(r -> r.id.equals(refundId))
                        .findFirst()
                        .orElseThrow(() -> MollieError.notFound("No refund exists with token " + refundId + "."));
                send(exchange, 200, json.refund(refund));
            } else if ((m = PAYMENT_REFUNDS.matcher(path)).matches() && method.equals("POST")) {
                Payment payment = ownPayment(account, m.group(1));
                Refund refund = createRefund(payment, body(exchange));
                send(exchange, 201, json.refund(refund));
                refund.status = "refunded";
            } else if ((m = PAYMENT_REFUNDS.matcher(path)).matches() && method.equals("GET")) {
                Payment payment = ownPayment(account, m.group(1));
                send(
                        exchange,
                        200,
                        json.list("refunds", "/v2/payments/" + payment.id + "/refunds", payment.refunds, json::refund));
            } else if ((m = PAYMENT.matcher(path)).matches() && method.equals("GET")) {
                Payment payment = ownPayment(account, m.group(1));
                send(exchange, 200, stale(json.payment(payment), payment.staleReads.poll()));
            } else if ((m = PAYMENT.matcher(path)).matches() && method.equals("DELETE")) {
                Payment payment = ownPayment(account, m.group(1));
                if (!payment.cancelable()) {
                    throw MollieError.unprocessable("The payment cannot be canceled", null);
                }
                changeStatus(payment, "canceled");
                send(exchange, 200, json.payment(payment));
            } else if (path.equals("/v2/customers") && method.equals("POST")) {
                send(exchange, 201, json.customer(createCustomer(account, body(exchange))));
            } else if (path.equals("/v2/customers") && method.equals("GET")) {
                send(
                        exchange,
                        200,
                        json.list("customers", "/v2/customers", account.customers.values(), json::customer));
            } else if ((m = CUSTOMER_PAYMENTS.matcher(path)).matches() && method.equals("POST")) {
                Customer customer = ownCustomer(account, m.group(1));
                send(exchange, 201, json.payment(createPayment(account, body(exchange), customer)));
            } else if ((m = CUSTOMER_PAYMENTS.matcher(path)).matches() && method.equals("GET")) {
                Customer customer = ownCustomer(account, m.group(1));
                var of = account.payments.values().stream()
                        .filter(p -> customer.id.equals(p.customerId))
                        .toList();
                send(
                        exchange,
                        200,
                        json.list("payments", "/v2/customers/" + customer.id + "/payments", of, json::payment));
            } else if ((m = CUSTOMER_MANDATE.matcher(path)).matches() && method.equals("GET")) {
                Customer customer = ownCustomer(account, m.group(1));
                send(exchange, 200, json.mandate(ownMandate(customer, m.group(2))));
            } else if ((m = CUSTOMER_MANDATE.matcher(path)).matches() && method.equals("DELETE")) {
                Customer customer = ownCustomer(account, m.group(1));
                ownMandate(customer, m.group(2)).status = "invalid";
                send(exchange, 204, null);
            } else if ((m = CUSTOMER_MANDATES.matcher(path)).matches() && method.equals("GET")) {
                Customer customer = ownCustomer(account, m.group(1));
                send(
                        exchange,
                        200,
                        json.list(
                                "mandates",
                                "/v2/customers/" + customer.id + "/mandates",
                                customer.mandates,
                                json::mandate));
            } else if ((m = CUSTOMER.matcher(path)).matches() && method.equals("GET")) {
                send(exchange, 200, json.customer(ownCustomer(account, m.group(1))));
            } else {
                throw MollieError.notFound("The resource " + method + " " + path + " does not exist.");
            }
        }
    }

    /** A payment's answer with an older status in place of its current one (a test fault, see staleStatus). */
    private static JsonNode stale(ObjectNode answer, String status) {
        if (status == null) {
            return answer;
        }
        answer.put("status", status);
        answer.put("isCancelable", "open".equals(status));
        if (!"paid".equals(status)) {
            answer.remove(List.of("paidAt", "amountRefunded", "amountRemaining"));
        }
        return answer;
    }

    private void admin(HttpExchange exchange, String method, String path) throws IOException {
        Matcher m;
        if ((m = SIM_AMOUNT.matcher(path)).matches() && method.equals("POST")) {
            String id = m.group(1);
            findPayment(id);
            try {
                alterAmount(id, form(exchange).getOrDefault("value", ""));
            } catch (NumberFormatException | ArithmeticException e) {
                throw MollieError.unprocessable("The amount contains an invalid value", "value");
            }
            send(exchange, 200, json.payment(payments.get(id)));
        } else if ((m = SIM_STALE.matcher(path)).matches() && method.equals("POST")) {
            String id = m.group(1);
            findPayment(id);
            try {
                staleStatus(id, form(exchange).getOrDefault("status", ""));
            } catch (IllegalArgumentException e) {
                throw MollieError.unprocessable(e.getMessage(), "status");
            }
            send(exchange, 204, null);
        } else if (path.equals("/_sim/outages") && method.equals("POST")) {
            Map<String, String> form = form(exchange);
            String key = form.getOrDefault("key", "");
            if (!knowsKey(key)) {
                throw MollieError.unprocessable("Unknown key", "key");
            }
            unavailable(key, "true".equals(form.get("on")));
            send(exchange, 204, null);
        } else if ((m = SIM_STATUS.matcher(path)).matches() && method.equals("POST")) {
            String id = m.group(1);
            if (!payments.containsKey(id)) {
                throw MollieError.notFound("No payment exists with token " + id + ".");
            }
            String status = form(exchange).getOrDefault("status", "");
            try {
                if ("settle".equals(status)) {
                    settle(id);
                } else {
                    complete(id, status);
                }
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw MollieError.unprocessable(e.getMessage(), "status");
            }
            send(exchange, 200, json.payment(payments.get(id)));
        } else if (path.equals("/_sim/keys") && method.equals("POST")) {
            String key = form(exchange).getOrDefault("key", "");
            try {
                registerKey(key);
            } catch (IllegalArgumentException e) {
                throw MollieError.unprocessable(e.getMessage(), "key");
            }
            send(exchange, 204, null);
        } else if (path.equals("/_sim/webhooks") && method.equals("GET")) {
            send(
                    exchange,
                    200,
                    JSON.valueToTree(webhookCalls.stream()
                            .map(c -> Map.of(
                                    "paymentId", c.paymentId(),
                                    "url", c.url(),
                                    "responseStatus", c.responseStatus(),
                                    "at", c.at().toString()))
                            .toList()));
        } else {
            throw MollieError.notFound("Unknown simulator path " + path);
        }
    }

    private Account authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String key = header != null && header.startsWith("Bearer ")
                ? header.substring("Bearer ".length()).strip()
                : null;
        Account account = key == null ? null : accounts.get(key);
        if (account == null) {
            throw new MollieError(
                    401, "Unauthorized Request", "Missing authentication, or failed to authenticate", null);
        }
        return account;
    }

    private static Payment ownPayment(Account account, String id) {
        Payment payment = account.payments.get(id);
        if (payment == null) {
            throw MollieError.notFound("No payment exists with token " + id + ".");
        }
        return payment;
    }

    private static Customer ownCustomer(Account account, String id) {
        Customer customer = account.customers.get(id);
        if (customer == null) {
            throw MollieError.notFound("No customer exists with token " + id + ".");
        }
        return customer;
    }

    private static Mandate ownMandate(Customer customer, String id) {
        return customer.mandates.stream()
                .filter(x -> x.id.equals(id))
                .findFirst()
                .orElseThrow(() -> MollieError.notFound("No mandate exists with token " + id + "."));
    }

    private Payment createPayment(Account account, JsonNode body, Customer pathCustomer) {
        Payment payment = new Payment();
        payment.account = account;
        payment.amount = amount(body.get("amount"), "amount");
        if (payment.amount.value().signum() <= 0) {
            throw MollieError.unprocessable("The amount is lower than the minimum", "amount");
        }
        payment.description = text(body, "description");
        if (payment.description == null || payment.description.isBlank()) {
            throw MollieError.unprocessable("The description is invalid", "description");
        }
        payment.sequenceType = Optional.ofNullable(text(body, "sequenceType")).orElse("oneoff");
        if (!Set.of("oneoff", "first", "recurring").contains(payment.sequenceType)) {
            throw MollieError.unprocessable("The sequence type is invalid", "sequenceType");
        }
        payment.redirectUrl = text(body, "redirectUrl");
        if (payment.redirectUrl == null && !"recurring".equals(payment.sequenceType)) {
            throw MollieError.unprocessable("The redirect URL is invalid", "redirectUrl");
        }
        payment.webhookUrl = text(body, "webhookUrl");
        for (String url : new String[] {payment.redirectUrl, payment.webhookUrl}) {
            if (url != null && !url.matches("https?://[^\\s]+")) {
                throw MollieError.unprocessable(
                        "The URL is invalid", url.equals(payment.redirectUrl) ? "redirectUrl" : "webhookUrl");
            }
        }
        JsonNode metadata = body.get("metadata");
        payment.metadata = metadata == null || metadata.isNull() ? null : metadata;
        JsonNode method = body.get("method");
        if (method != null && method.isArray()) {
            payment.method = method.size() == 1 ? method.get(0).asText() : null;
        } else if (method != null && !method.isNull()) {
            payment.method = method.asText();
        }
        payment.locale = text(body, "locale");
        String customerId = pathCustomer != null ? pathCustomer.id : text(body, "customerId");
        if (customerId != null) {
            if (!account.customers.containsKey(customerId)) {
                throw MollieError.unprocessable("The customer id is invalid", "customerId");
            }
            payment.customerId = customerId;
        }
        if (!"oneoff".equals(payment.sequenceType) && payment.customerId == null) {
            throw MollieError.unprocessable(
                    "A customer is required for a " + payment.sequenceType + " payment", "customerId");
        }
        Instant now = clock.instant();
        payment.createdAt = now;
        if ("recurring".equals(payment.sequenceType)) {
            Customer customer = account.customers.get(payment.customerId);
            String wanted = text(body, "mandateId");
            Mandate mandate = customer.mandates.stream()
                    .filter(x -> "valid".equals(x.status))
                    .filter(x -> wanted == null || x.id.equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> MollieError.unprocessable(
                            "The customer does not have a valid mandate", wanted == null ? "customerId" : "mandateId"));
            payment.mandateId = mandate.id;
            payment.method = mandate.method;
            payment.status = "pending";
        } else {
            payment.expiresAt = now.plus(Duration.ofMinutes(15));
        }
        account.payments.put(payment.id, payment);
        payments.put(payment.id, payment);
        if ("recurring".equals(payment.sequenceType) && account.autoSettle) {
            settler.schedule(
                    () -> {
                        try {
                            settle(payment.id);
                        } catch (RuntimeException e) {
                            LOG.warn("Settling " + payment.id + " failed", e);
                        }
                    },
                    settleDelay.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return payment;
    }

    private Refund createRefund(Payment payment, JsonNode body) {
        Amount amount = amount(body.get("amount"), "amount");
        if (!"paid".equals(payment.status)) {
            throw MollieError.unprocessable("The payment cannot be refunded: it is " + payment.status, null);
        }
        if (!amount.currency().equals(payment.amount.currency())) {
            throw MollieError.unprocessable("The currency does not match the payment's", "amount.currency");
        }
        BigDecimal remaining = payment.amount.value().subtract(payment.refunded());
        if (amount.value().signum() <= 0) {
            throw MollieError.unprocessable("The amount is lower than the minimum", "amount");
        }
        if (amount.value().compareTo(remaining) > 0) {
            throw MollieError.unprocessable(
                    "The amount requested to refund (" + amount.text() + ") is higher than the remaining amount of "
                            + new Amount(remaining, amount.currency()).text() + " " + amount.currency(),
                    "amount");
        }
        Refund refund = new Refund();
        refund.payment = payment;
        refund.amount = amount;
        refund.description = Optional.ofNullable(text(body, "description")).orElse("");
        JsonNode metadata = body.get("metadata");
        refund.metadata = metadata == null || metadata.isNull() ? null : metadata;
        refund.createdAt = clock.instant();
        payment.refunds.add(refund);
        return refund;
    }

    private Customer createCustomer(Account account, JsonNode body) {
        Customer customer = new Customer();
        customer.account = account;
        customer.name = text(body, "name");
        customer.email = text(body, "email");
        if (customer.email != null && !customer.email.contains("@")) {
            throw MollieError.unprocessable("The email address is invalid", "email");
        }
        customer.locale = text(body, "locale");
        JsonNode metadata = body.get("metadata");
        customer.metadata = metadata == null || metadata.isNull() ? null : metadata;
        customer.createdAt = clock.instant();
        account.customers.put(customer.id, customer);
        return customer;
    }

    private static Amount amount(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw MollieError.unprocessable("The amount is invalid", field);
        }
        JsonNode value = node.get("value");
        JsonNode currency = node.get("currency");
        if (currency == null || !currency.isTextual()) {
            throw MollieError.unprocessable("The currency is invalid", field + ".currency");
        }
        java.util.Currency c;
        try {
            c = java.util.Currency.getInstance(currency.asText());
        } catch (IllegalArgumentException e) {
            throw MollieError.unprocessable("The currency is invalid", field + ".currency");
        }
        int digits = c.getDefaultFractionDigits();
        String pattern = digits == 0 ? "\\d+" : "\\d+\\.\\d{" + digits + "}";
        if (value == null || !value.isTextual() || !value.asText().matches(pattern)) {
            throw MollieError.unprocessable(
                    "The amount contains an invalid value: send a string with " + digits + " decimals",
                    field + ".value");
        }
        return new Amount(new BigDecimal(value.asText()), c.getCurrencyCode());
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String match(Pattern pattern, String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            throw MollieError.notFound("Unknown path " + path);
        }
        return m.group(1);
    }

    /** A JSON body, or a form body ({@code amount[value]=...}) read into the same shape. */
    private static JsonNode body(HttpExchange exchange) throws IOException {
        String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
                .orElse("");
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            ObjectNode root = JSON.createObjectNode();
            parseForm(new String(bytes, StandardCharsets.UTF_8)).forEach((name, value) -> {
                int open = name.indexOf('[');
                if (open > 0 && name.endsWith("]")) {
                    root.withObjectProperty(name.substring(0, open))
                            .put(name.substring(open + 1, name.length() - 1), value);
                } else {
                    root.put(name, value);
                }
            });
            return root;
        }
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (!node.isObject()) {
                throw new MollieError(400, "Bad Request", "The request body is not a JSON object", null);
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MollieError(400, "Bad Request", "The request body is not valid JSON", null);
        }
    }

    static Map<String, String> form(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return parseForm(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/hal+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    Payment findPayment(String id) {
        Payment payment = payments.get(id);
        if (payment == null) {
            throw MollieError.notFound("No payment exists with token " + id + ".");
        }
        return payment;
    }

    static String random(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return s.toString();
    }
}

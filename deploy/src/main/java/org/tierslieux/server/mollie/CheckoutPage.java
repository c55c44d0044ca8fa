package org.tierslieux.server.mollie;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The simulator's checkout page, like Mollie's test-mode page: the payer sees the amount and description and
 * picks what happens (paid, failed, canceled, expired, pending, or leave it open); the webhook is called, then
 * the payer goes back to the payment's redirect URL.
 */
final class CheckoutPage {

    private static final List<String> CHOICES = List.of("paid", "failed", "canceled", "expired", "pending", "open");

    private CheckoutPage() {}

    static void handle(MollieSimulator simulator, HttpExchange exchange, String method, String paymentId)
            throws IOException {
        MollieSimulator.Payment payment = simulator.findPayment(paymentId);
        if ("POST".equals(method)) {
            String status = MollieSimulator.form(exchange).getOrDefault("status", "");
            if (!CHOICES.contains(status)) {
                html(exchange, 422, page(payment, "Choose one of the outcomes."));
                return;
            }
            if (!"open".equals(payment.status)) {
                html(exchange, 409, page(payment, "This payment is already " + payment.status + "."));
                return;
            }
            var redirect = simulator.complete(paymentId, status);
            if (redirect.isPresent()) {
                exchange.getResponseHeaders().set("Location", redirect.get());
                exchange.sendResponseHeaders(303, -1);
            } else {
                html(exchange, 200, page(payment, "Done: the payment is " + payment.status + "."));
            }
            return;
        }
        if (!"GET".equals(method)) {
            exchange.sendResponseHeaders(405, -1);
            return;
        }
        html(exchange, 200, page(payment, null));
    }

    private static String page(MollieSimulator.Payment payment, String message) {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Test payment – local Mollie</title>")
                .append("<style>body{font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}")
                .append("label{display:block;margin:.4rem 0}button{margin-top:1rem;padding:.5rem 1.5rem}")
                .append(".note{color:#555;font-size:.9rem}</style></head><body>")
                .append("<h1>Test payment</h1>")
                .append("<p class=\"note\">Local Mollie server (simulator): no money moves. Choose the outcome.</p>")
                .append("<p><strong id=\"description\">")
                .append(escape(payment.description))
                .append("</strong><br><span id=\"amount\">")
                .append(payment.amount.text())
                .append(' ')
                .append(payment.amount.currency())
                .append("</span></p>");
        if (message != null) {
            html.append("<p role=\"alert\">").append(escape(message)).append("</p>");
        }
        if ("open".equals(payment.status)) {
            html.append("<form method=\"post\" action=\"/checkout/")
                    .append(payment.id)
                    .append("\">");
            for (String choice : CHOICES) {
                html.append("<label><input type=\"radio\" name=\"status\" value=\"")
                        .append(choice)
                        .append('"')
                        .append("paid".equals(choice) ? " checked" : "")
                        .append("> ")
                        .append(choice)
                        .append("</label>");
            }
            html.append("<button type=\"submit\" id=\"continue\">Continue</button></form>");
        } else if (payment.redirectUrl != null) {
            html.append("<p><a href=\"").append(escape(payment.redirectUrl)).append("\">Back to the shop</a></p>");
        }
        return html.append("</body></html>").toString();
    }

    private static void html(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}

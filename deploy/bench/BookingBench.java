import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of the booking benchmark (deploy/bench/booking-bench.sh drives it). JDK only: run it with the
 * single-file source launcher, {@code java deploy/bench/BookingBench.java <command> [--key value]...}.
 *
 * <ul>
 *   <li>{@code setup}: as the network admin (one Basic call, then a personal token), creates the places, their
 *       resources, one member account per booking client (member of "its" place) and a reader account (member of
 *       every place), each with a personal token. Writes places.tsv and tokens.tsv into --dir.
 *   <li>{@code availability}: sequential GETs of one place's week of availability (random place, random week of
 *       the generated year), after a warm-up; prints p50/p95/p99.
 *   <li>{@code book}: N concurrent clients, each with its own token and its own lane (the exclusive resources of
 *       its place, afternoon slots of the coming weeks, which the generated history leaves free), POST bookings
 *       for a fixed duration; prints bookings/s, latencies and every non-201 answer by status and code.
 * </ul>
 *
 * Each measurement ends with one line starting with "RESULT", which the script collects.
 */
public class BookingBench {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String ADMIN = "admin@demo.test";
    static final String ADMIN_PASSWORD = "demo";
    static final String MEMBER_PASSWORD = "bench-password-not-secret";

    /** The 20 resources of every place: kind, capacity (null = the kind's default). Two pools, 18 exclusive. */
    static final List<Object[]> RESOURCES = List.of(
            new Object[] {"DESK", 8, null},
            new Object[] {"DESK_POOL", 1, 10},
            new Object[] {"DESK_POOL", 1, 20},
            new Object[] {"ROOM", 4, null},
            new Object[] {"MACHINE", 5, null},
            new Object[] {"SPACE", 1, null});

    final Map<String, String> options = new HashMap<>();
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String url;
    Path dir;

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java BookingBench.java setup|availability|book --url URL --dir DIR [--key value]...");
            System.exit(2);
        }
        BookingBench bench = new BookingBench();
        for (int i = 1; i + 1 < args.length; i += 2) {
            bench.options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        bench.url = bench.option("url", "http://127.0.0.1:8080");
        bench.dir = Path.of(bench.option("dir", "."));
        switch (args[0]) {
            case "setup" -> bench.setup();
            case "availability" -> bench.availability();
            case "book" -> bench.book();
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    int intOption(String key, int fallback) {
        return Integer.parseInt(option(key, String.valueOf(fallback)));
    }

    // ---------------------------------------------------------------- setup

    void setup() throws Exception {
        int places = intOption("places", 100);
        int members = intOption("members", 96);
        int threads = intOption("threads", 3);
        String adminToken = token(basic(ADMIN, ADMIN_PASSWORD), "bench-admin");
        String admin = "Bearer " + adminToken;
        long t0 = System.nanoTime();

        // accounts first (one bcrypt hash each), so that places can give them their roles
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < members; i++) emails.add("bench-%03d@bench.test".formatted(i));
        emails.add("reader@bench.test");
        parallel(threads, emails.size(), i -> expect(201, post(admin, "/api/v1/network/people", """
                {"email":"%s","displayName":"Bench %s","password":"%s","networkAdmin":false}"""
                .formatted(emails.get(i), emails.get(i).replaceAll("@.*", ""), MEMBER_PASSWORD))));
        System.out.printf("accounts: %d in %.1f s%n", emails.size(), (System.nanoTime() - t0) / 1e9);

        String[] placeRows = new String[places];
        parallel(threads, places, i -> {
            String slug = "bench-%03d".formatted(i);
            String place = expect(201, post(admin, "/api/v1/network/places", """
                    {"slug":"%s","name":"Bench %03d","timeZone":"Europe/Paris","kinds":["COWORKING","FABLAB"],
                     "legal":{"legalName":"Bench %03d SAS","siret":"44306184100047","vatNumber":"FR12443061841"},
                     "address":{"street":"1 rue du Banc","postalCode":"59000","city":"Lille","country":"FR"},
                     "latitude":%.4f,"longitude":%.4f}"""
                    .formatted(slug, i, i, 43 + (i % 10) * 0.5, -1 + (i / 10) * 0.6)));
            String placeId = field(place, "id");
            String members_ = "/api/v1/places/" + slug + "/members";
            expect(200, post(admin, members_, "{\"email\":\"" + ADMIN + "\",\"roles\":[\"MANAGER\"]}"));
            expect(200, post(admin, members_, "{\"email\":\"reader@bench.test\",\"roles\":[\"MEMBER\"]}"));
            if (i < members) {
                expect(200, post(admin, members_, "{\"email\":\"" + emails.get(i) + "\",\"roles\":[\"MEMBER\"]}"));
            }
            StringBuilder rows = new StringBuilder();
            int n = 0;
            for (Object[] r : RESOURCES) {
                for (int k = 0; k < (int) r[1]; k++, n++) {
                    String body = r[2] == null
                            ? "{\"kind\":\"%s\",\"name\":\"%s %d\"}".formatted(r[0], r[0], k + 1)
                            : "{\"kind\":\"%s\",\"name\":\"%s %d\",\"capacity\":%d}".formatted(r[0], r[0], k + 1, r[2]);
                    String resource = expect(201, post(admin, "/api/v1/places/" + slug + "/resources", body));
                    rows.append(String.join("\t", slug, placeId, field(resource, "id"), (String) r[0],
                                    field(resource, "capacity"), field(resource, "bookingMode"),
                                    field(resource, "slotMinutes")))
                            .append('\n');
                }
            }
            placeRows[i] = rows.toString();
        });
        System.out.printf("places: %d with %d resources each in %.1f s%n", places, RESOURCES.stream()
                .mapToInt(r -> (int) r[1]).sum(), (System.nanoTime() - t0) / 1e9);

        String[] tokens = new String[emails.size()];
        parallel(threads, emails.size(), i -> tokens[i] = emails.get(i) + "\t"
                + token(basic(emails.get(i), MEMBER_PASSWORD), "bench load client"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("places.tsv"), String.join("", placeRows));
        Files.writeString(dir.resolve("tokens.tsv"), String.join("\n", tokens) + "\n");
        System.out.printf("RESULT setup places=%d accounts=%d seconds=%.1f%n", places, emails.size(),
                (System.nanoTime() - t0) / 1e9);
    }

    String token(String authorization, String name) throws IOException, InterruptedException {
        return field(expect(201, post(authorization, "/api/v1/me/tokens", "{\"name\":\"" + name + "\"}")), "token");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- availability

    void availability() throws Exception {
        int requests = intOption("requests", 500);
        int warmup = intOption("warmup", 100);
        LocalDate from = LocalDate.parse(option("from", LocalDate.now(ZONE).minusDays(270).toString()));
        LocalDate to = LocalDate.parse(option("to", LocalDate.now(ZONE).plusDays(80).toString()));
        List<String> slugs = readPlaces().keySet().stream().sorted().toList();
        String reader = "Bearer " + readTokens().get("reader@bench.test");
        LocalDate firstMonday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        int weeks = (int) ((to.toEpochDay() - firstMonday.toEpochDay()) / 7);
        Random random = new Random(42);
        long[] nanos = new long[requests];
        List<Long> past = new ArrayList<>();
        List<Long> coming = new ArrayList<>();
        LocalDate today = LocalDate.now(ZONE);
        int errors = 0;
        long bytes = 0;
        for (int i = -warmup; i < requests; i++) {
            String slug = slugs.get(random.nextInt(slugs.size()));
            LocalDate monday = firstMonday.plusWeeks(random.nextInt(weeks));
            String path = "/api/v1/places/%s/availability?from=%s&to=%s".formatted(slug, monday, monday.plusDays(6));
            long t = System.nanoTime();
            HttpResponse<String> answer = get(reader, path);
            long elapsed = System.nanoTime() - t;
            if (answer.statusCode() != 200) {
                errors++;
                if (errors <= 5) System.out.println("  " + answer.statusCode() + " " + path + " " + abbreviate(answer.body()));
            }
            if (i == -warmup) {
                System.out.printf("first answer: %d resources, %d intervals, %d bytes%n",
                        count(answer.body(), "\"resourceId\""), count(answer.body(), "\"free\""), answer.body().length());
            }
            if (i >= 0) {
                nanos[i] = elapsed;
                (monday.plusDays(6).isBefore(today) ? past : coming).add(elapsed);
                bytes += answer.body().length();
            }
        }
        Arrays.sort(nanos);
        long[] pastNanos = past.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] comingNanos = coming.stream().mapToLong(Long::longValue).sorted().toArray();
        // past weeks answer no free interval (the past is never free) but still read their bookings
        System.out.printf("  past weeks: %d, p50 %.1f ms, p95 %.1f ms; current and coming weeks: %d, p50 %.1f ms, p95 %.1f ms%n",
                pastNanos.length, ms(pastNanos, 0.5), ms(pastNanos, 0.95), comingNanos.length, ms(comingNanos, 0.5),
                ms(comingNanos, 0.95));
        System.out.printf("RESULT availability requests=%d errors=%d p50=%.1f p95=%.1f p99=%.1f max=%.1f avgBytes=%d"
                        + " p95past=%.1f p95coming=%.1f load=%s%n",
                requests, errors, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[requests - 1] / 1e6,
                bytes / requests, ms(pastNanos, 0.95), ms(comingNanos, 0.95), load());
    }

    // ---------------------------------------------------------------- bookings

    void book() throws Exception {
        int clients = intOption("clients", 16);
        int first = intOption("first", 0);
        int seconds = intOption("seconds", 30);
        String label = option("label", "api" + clients);
        Map<String, List<String[]>> places = readPlaces();
        Map<String, String> tokens = readTokens();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<String, AtomicInteger> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, String> examples = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger exhausted = new AtomicInteger();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String slug = "bench-%03d".formatted(first + c);
                String token = "Bearer " + tokens.get("bench-%03d@bench.test".formatted(first + c));
                List<String[]> lane = places.get(slug).stream()
                        .filter(r -> r[5].equals("EXCLUSIVE"))
                        .toList();
                runs.add(pool.submit(() -> {
                    String path = "/api/v1/places/" + slug + "/bookings";
                    for (LocalDate day : laneDays()) {
                        for (String[] resource : lane) {
                            for (ZonedDateTime[] slot : afternoonSlots(day, Integer.parseInt(resource[6]))) {
                                if (System.nanoTime() > deadline) return;
                                String body = "{\"resourceId\":\"%s\",\"start\":\"%s\",\"end\":\"%s\",\"seats\":1}"
                                        .formatted(resource[2], slot[0].toOffsetDateTime(), slot[1].toOffsetDateTime());
                                long t = System.nanoTime();
                                String outcome;
                                try {
                                    HttpResponse<String> answer = post(token, path, body);
                                    if (answer.statusCode() != 201) {
                                        examples.putIfAbsent(String.valueOf(answer.statusCode()),
                                                body + " -> " + abbreviate(answer.body()));
                                    }
                                    outcome = answer.statusCode() == 201
                                            ? "201"
                                            : answer.statusCode() + " "
                                                    + Objects.requireNonNullElse(
                                                            field(answer.body(), "code"), abbreviate(answer.body()));
                                } catch (IOException e) {
                                    outcome = "io " + e.getClass().getSimpleName();
                                } catch (InterruptedException e) {
                                    return;
                                }
                                latencies.add(System.nanoTime() - t);
                                if (outcome.equals("201")) created.incrementAndGet();
                                outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                    }
                    exhausted.incrementAndGet();
                }));
            }
            for (Future<?> run : runs) run.get();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] nanos = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        int failed = nanos.length - created.get();
        outcomes.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        examples.forEach((k, v) -> System.out.println("  first " + k + ": " + v));
        if (exhausted.get() > 0) System.out.println("  WARNING: " + exhausted + " clients ran out of free slots");
        System.out.printf("RESULT %s clients=%d seconds=%.1f created=%d failed=%d rate=%.1f p50=%.1f p95=%.1f p99=%.1f load=%s%n",
                label, clients, elapsed, created.get(), failed, created.get() / elapsed, ms(nanos, 0.50),
                ms(nanos, 0.95), ms(nanos, 0.99), load());
    }

    /**
     * The days of the load clients' lanes: the weekdays from the day after tomorrow to day 85, inside the
     * default 90-day horizon.
     */
    static List<LocalDate> laneDays() {
        List<LocalDate> days = new ArrayList<>();
        LocalDate today = LocalDate.now(ZONE);
        for (LocalDate d = today.plusDays(2); d.isBefore(today.plusDays(86)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) days.add(d);
        }
        return days;
    }

    /**
     * One day's afternoon slots of a resource: its grid counted from the default opening (09:00, closing
     * 18:00, the last slot may be short), from 13:00 on. The generated history books only mornings in the
     * future, so these are free, and no two clients share a resource.
     */
    static List<ZonedDateTime[]> afternoonSlots(LocalDate day, int slotMinutes) {
        List<ZonedDateTime[]> slots = new ArrayList<>();
        ZonedDateTime closing = ZonedDateTime.of(day, LocalTime.of(18, 0), ZONE);
        for (ZonedDateTime at = ZonedDateTime.of(day, LocalTime.of(9, 0), ZONE); at.isBefore(closing);
                at = at.plusMinutes(slotMinutes)) {
            ZonedDateTime end = at.plusMinutes(slotMinutes).isAfter(closing) ? closing : at.plusMinutes(slotMinutes);
            if (at.getHour() >= 13) slots.add(new ZonedDateTime[] {at, end});
        }
        return slots;
    }

    // ---------------------------------------------------------------- plumbing

    /** slug → rows of places.tsv (slug, placeId, resourceId, kind, capacity, bookingMode, slotMinutes). */
    Map<String, List<String[]>> readPlaces() throws IOException {
        Map<String, List<String[]>> places = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("places.tsv"))) {
            String[] row = line.split("\t");
            places.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
        }
        return places;
    }

    Map<String, String> readTokens() throws IOException {
        Map<String, String> tokens = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("tokens.tsv"))) {
            String[] row = line.split("\t");
            tokens.put(row[0], row[1]);
        }
        return tokens;
    }

    HttpResponse<String> post(String authorization, String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String authorization, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url + path))
                        .header("Authorization", authorization)
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String expect(int status, HttpResponse<String> answer) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.statusCode() + " from "
                    + answer.request().method() + " " + answer.request().uri() + ": " + abbreviate(answer.body()));
        }
        return answer.body();
    }

    interface Task {
        void run(int i) throws Exception;
    }

    static void parallel(int threads, int count, Task task) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    task.run(n);
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        }
    }

    /** The first string or number value of a top-level-ish field: enough for our own answers, no JSON library. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|[-0-9.]+|true|false)")
                .matcher(json);
        if (!m.find()) return null;
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    /** The 1-minute load average at the end of a measurement: other work on the machine shows here. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }

    static String abbreviate(String s) {
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    static double ms(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) return Double.NaN;
        int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }
}

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak (deploy/bench/soak.sh drives it): a realistic mixed load on the two demo places for a long time, with
 * latency percentiles, errors and the application's heap recorded at regular intervals. JDK only: run it with the
 * single-file source launcher, {@code java deploy/bench/SoakBench.java --url URL --dir DIR --pid PID [--key value]...}.
 *
 * <p>Setup (before the clock starts), as the demo network admin: one member account per virtual user (member of
 * both demo places), each with a personal API token, a calendar feed and a page session (form login, CSRF cookie);
 * personal tokens for the demo manager and treasurer; the places' resources.
 *
 * <p>Then each virtual user loops: picks an action by weight (below), runs it, thinks a little (uniform 0 to twice
 * --think ms). Every --sample seconds a sampler closes the interval: requests, throughput, latency percentiles per
 * kind, errors, then {@code jcmd PID GC.class_histogram} (a full GC, then the live objects: the live heap),
 * {@code GC.heap_info} (the committed heap), and the process's RSS, threads and open files from /proc. Rows go to soak.csv (one per interval) and
 * soak-kinds.csv (one per interval and kind); the end prints a summary (also summary-body.md) and a RESULT line.
 *
 * <p>An answer is <b>ok</b> (the expected status), <b>refused</b> (a booking or cancellation refused by a rule with
 * its problem code, 409 or 422: a slot taken meanwhile, a hold that ran out; part of normal use) or an <b>error</b>
 * (any 5xx, any other unexpected status, a timeout or an I/O failure). The exit status is 1 when there is any error
 * or when the heap is not flat (see {@link #verdict}).
 */
public class SoakBench {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String ADMIN = "admin@demo.test";
    static final String DEMO_PASSWORD = "demo";
    static final String MEMBER_PASSWORD = "soak-password-not-secret";
    static final String FILATURE = "la-filature";
    static final String ATELIER = "atelier-commun";
    static final List<String> PLACES = List.of(FILATURE, ATELIER);

    /** What a virtual user does, with its weight (out of 100). */
    static final Map<String, Integer> MIX = new LinkedHashMap<>();

    static {
        MIX.put("page.root", 3); //            GET /, anonymous (a redirect to /network)
        MIX.put("page.network", 6); //         GET /network, signed in
        MIX.put("page.place", 4); //           GET /{place}
        MIX.put("page.book", 10); //           GET /{place}/book?week=..., the week's booking page
        MIX.put("page.mybookings", 6); //      GET /{place}/bookings
        MIX.put("api.availability", 10); //    GET /api/v1/places/{place}/availability, a week of every resource
        MIX.put("api.bookings.mine", 5); //    GET /api/v1/places/{place}/bookings/mine
        MIX.put("flow.desk", 10); //           GET .../desks/days then POST .../desks/bookings, a half-day (or day)
        MIX.put("flow.slot", 10); //           GET .../resources/{id}/availability then POST .../bookings, an hour
        MIX.put("flow.cancel", 9); //          POST .../bookings/{id}/cancel (API) or the page's cancel form
        MIX.put("ical", 6); //                 GET /ical/{token}.ics, the member's feed
        MIX.put("manager.occupancy", 3); //    GET .../occupancy/live
        MIX.put("manager.expected", 2); //     GET .../checkins/expected
        MIX.put("manager.bookings", 3); //     GET .../bookings?from&to (the week)
        MIX.put("treasurer.invoices", 3); //   GET .../invoices
        MIX.put("treasurer.csv", 1); //        GET .../exports/invoices.csv, the year
        MIX.put("public.geojson", 6); //       GET /api/v1/network/places.geojson, anonymous
        MIX.put("public.places", 3); //        GET /api/v1/network/places, anonymous
    }

    final Map<String, String> options = new HashMap<>();
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String url;
    Path dir;
    Duration timeout;

    // ---------------------------------------------------------------- set up once
    String managerToken;
    String treasurerToken;
    /** place → bookable resources on a grid (id, slotMinutes) for the hour bookings; la-filature's desk pool. */
    final Map<String, List<String>> slotResources = new HashMap<>();
    String deskPool;

    public static void main(String[] args) throws Exception {
        SoakBench soak = new SoakBench();
        for (int i = 0; i + 1 < args.length; i += 2) {
            soak.options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        soak.url = soak.option("url", "http://127.0.0.1:8080");
        soak.dir = Path.of(soak.option("dir", "."));
        soak.timeout = Duration.ofSeconds(soak.intOption("timeout", 30));
        System.exit(soak.run());
    }

    String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    int intOption(String key, int fallback) {
        return Integer.parseInt(option(key, String.valueOf(fallback)));
    }

    // ---------------------------------------------------------------- the run

    int run() throws Exception {
        int users = intOption("users", 16);
        double minutes = Double.parseDouble(option("minutes", "30"));
        int sampleSeconds = intOption("sample", 30);
        int warmupSeconds = intOption("warmup", 120);
        int thinkMillis = intOption("think", 250);
        long pid = Long.parseLong(option("pid", "0"));
        String jcmd = option("jcmd", "jcmd");
        long durationNanos = (long) (minutes * 60e9);

        long t0 = System.nanoTime();
        List<User> crowd = setup(users);
        System.out.printf("setup: %d members with tokens, feeds and sessions in %.1f s%n", users,
                (System.nanoTime() - t0) / 1e9);

        Files.createDirectories(dir);
        Sampler sampler = new Sampler(pid, jcmd);
        StringBuilder csv = new StringBuilder("t_s,requests,rps,p50_ms,p95_ms,p99_ms,max_ms,ok,refused,err_5xx,"
                + "err_4xx,err_io,live_heap_mb,heap_committed_mb,live_objects,rss_mb,threads,fds,load1\n");
        StringBuilder kindsCsv = new StringBuilder("t_s,kind,requests,ok,refused,errors,p50_ms,p95_ms,p99_ms,max_ms\n");
        List<double[]> heap = new ArrayList<>(); // [t, liveHeapMB, rssMB, threads, fds, liveObjects]
        Jvm idle = sampler.jvm();
        heap.add(new double[] {0, idle.heapUsedMb, idle.rssMb, idle.threads, idle.fds, idle.objects});
        csv.append(row(0, new Window(), idle, 0));
        Files.writeString(dir.resolve("soak.csv"), csv);
        Files.writeString(dir.resolve("histogram-idle.txt"), idle.histogram);
        System.out.printf("t=0 (idle, after setup): live heap %.1f MB (%.0f objects), RSS %.0f MB, %d threads,"
                        + " %d open files%n",
                idle.heapUsedMb, idle.objects, idle.rssMb, idle.threads, idle.fds);
        System.out.printf("load: %d virtual users for %.1f min, think time 0-%d ms, samples every %d s, warm-up %d s%n",
                users, minutes, 2 * thinkMillis, sampleSeconds, warmupSeconds);

        long start = System.nanoTime();
        long deadline = start + durationNanos;
        window.set(new Window()); // the first interval opens now, not when the setup began
        Totals measured = new Totals(); // after the warm-up
        Totals all = new Totals();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (User user : crowd) {
                pool.submit(() -> {
                    user.loop(deadline, thinkMillis);
                    return null;
                });
            }
            long next = start + sampleSeconds * 1_000_000_000L;
            while (true) {
                long now = System.nanoTime();
                long wait = Math.min(next, deadline) - now;
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                boolean last = System.nanoTime() >= deadline;
                double t = (System.nanoTime() - start) / 1e9;
                Window closed = window.getAndSet(new Window());
                double seconds = (System.nanoTime() - closed.opened) / 1e9;
                if (last) pool.shutdown(); // the users stop at the deadline; wait for their last calls below
                if (last && !pool.awaitTermination(2 * timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                    System.out.println("WARNING: some users still busy after the deadline");
                }
                if (last) closed.merge(window.getAndSet(new Window()));
                Jvm jvm = sampler.jvm();
                if (t > warmupSeconds + 1 && !Files.exists(dir.resolve("histogram-start.txt"))) {
                    Files.writeString(dir.resolve("histogram-start.txt"), jvm.histogram);
                }
                Files.writeString(dir.resolve("histogram-end.txt"), jvm.histogram);
                heap.add(new double[] {t, jvm.heapUsedMb, jvm.rssMb, jvm.threads, jvm.fds, jvm.objects});
                csv.append(row(t, closed, jvm, seconds));
                closed.kinds.forEach((kind, k) -> kindsCsv.append(String.format(Locale.ROOT,
                        "%.0f,%s,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f%n", t, kind, k.count(), k.ok, k.refused, k.errors(),
                        k.ms(0.5), k.ms(0.95), k.ms(0.99), k.ms(1.0))));
                Files.writeString(dir.resolve("soak.csv"), csv);
                Files.writeString(dir.resolve("soak-kinds.csv"), kindsCsv);
                all.add(closed);
                if (t > warmupSeconds + 1) measured.add(closed);
                Kind total = closed.total();
                System.out.printf(Locale.ROOT,
                        "t=%4.0fs %6d req %6.1f/s p50 %6.1f p95 %7.1f p99 %7.1f ms | refused %4d errors %d |"
                                + " live heap %6.1f MB, RSS %5.0f MB, %3d threads, %3d files | load %s%n",
                        t, total.count(), total.count() / seconds, total.ms(0.5), total.ms(0.95), total.ms(0.99),
                        total.refused, total.errors(), jvm.heapUsedMb, jvm.rssMb, jvm.threads, jvm.fds, load());
                if (last) break;
                next += sampleSeconds * 1_000_000_000L;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return report(measured, all, heap, idle, elapsed, warmupSeconds, users, minutes, thinkMillis, sampleSeconds);
    }

    static String row(double t, Window w, Jvm jvm, double seconds) {
        Kind k = w.total();
        return String.format(Locale.ROOT, "%.0f,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%d,%d,%d,%d,%d,%.1f,%.1f,%.0f,%.0f,%d,%d,%s%n",
                t, k.count(), seconds > 0 ? k.count() / seconds : 0, k.ms(0.5), k.ms(0.95), k.ms(0.99), k.ms(1.0), k.ok,
                k.refused, k.err5xx, k.err4xx, k.errIo, jvm.heapUsedMb, jvm.heapCommittedMb, jvm.objects, jvm.rssMb,
                jvm.threads, jvm.fds, load());
    }

    // ---------------------------------------------------------------- the summary and the verdict

    int report(Totals measured, Totals all, List<double[]> heap, Jvm idle, double elapsed, int warmup, int users,
            double minutes, int think, int sample) throws IOException {
        StringBuilder md = new StringBuilder();
        Kind total = measured.total();
        Kind everything = all.total();
        double measuredSeconds = elapsed - warmup;
        System.out.println();
        System.out.printf("after the warm-up (%.0f s measured), by kind:%n", measuredSeconds);
        md.append("| kind | requests | ok | refused (expected) | errors | p50 ms | p95 ms | p99 ms | max ms |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (var e : new TreeMap<>(measured.kinds).entrySet()) {
            Kind k = e.getValue();
            String line = String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f |",
                    e.getKey(), k.count(), k.ok, k.refused, k.errors(), k.ms(0.5), k.ms(0.95), k.ms(0.99), k.ms(1.0));
            md.append(line).append('\n');
            System.out.println("  " + line);
        }
        String totalLine = String.format(Locale.ROOT, "| **all** | **%d** | %d | %d | **%d** | %.1f | %.1f | %.1f | %.1f |",
                total.count(), total.ok, total.refused, total.errors(), total.ms(0.5), total.ms(0.95), total.ms(0.99),
                total.ms(1.0));
        md.append(totalLine).append('\n');
        System.out.println("  " + totalLine);

        Map<String, Long> refusals = new TreeMap<>();
        all.kinds.forEach((kind, k) -> k.codes.forEach((code, n) -> refusals.merge(kind + " " + code, n.get(), Long::sum)));
        System.out.println("refusals (whole run): " + refusals);
        System.out.println("errors (whole run): " + (errorCounts.isEmpty() ? "none" : new TreeMap<>(errorCounts)));
        errorExamples.forEach((k, v) -> System.out.println("  first " + k + ": " + v));

        // the heap: post-GC samples after the warm-up
        List<double[]> after = heap.stream().filter(h -> h[0] > warmup + 1).toList();
        Verdict v = verdict(after, elapsed, warmup);
        double[] first = after.isEmpty() ? heap.getFirst() : after.getFirst();
        double[] lastSample = heap.getLast();
        String heapLine = String.format(Locale.ROOT,
                "live heap after a full GC: idle %.1f MB; after the warm-up (median of the first 3 samples) %.1f MB; at the end"
                        + " (median of the last 3) %.1f MB; min %.1f, max %.1f; ratio end/start %.3f; slope over the"
                        + " last two thirds %+.1f MB/h (%+.1f MB over the measured %.0f min): %s",
                idle.heapUsedMb, v.start, v.end, v.min, v.max, v.ratio, v.slopePerHour, v.projected,
                measuredSeconds / 60, v.flat ? "FLAT" : "NOT FLAT");
        String jvmLine = String.format(Locale.ROOT,
                "RSS %.0f → %.0f MB, live objects %.0f → %.0f, threads %.0f → %.0f, open files %.0f → %.0f"
                        + " (first sample after the warm-up → last)",
                first[2], lastSample[2], first[5], lastSample[5], first[3], lastSample[3], first[4], lastSample[4]);
        System.out.println(heapLine);
        System.out.println(jvmLine);

        md.append('\n');
        md.append(String.format(Locale.ROOT,
                "%d virtual users, think time 0-%d ms, %.1f min (warm-up %d s not in the table), a sample every %d s."
                        + " Whole run: %d requests, %.1f/s; after the warm-up: %d requests, **%.1f/s**, %d refused as"
                        + " expected, **%d errors** (5xx %d, other unexpected status %d, timeouts and I/O %d).%n%n",
                users, 2 * think, minutes, warmup, sample, everything.count(), everything.count() / elapsed, total.count(),
                total.count() / measuredSeconds, total.refused, total.errors(), total.err5xx, total.err4xx, total.errIo));
        md.append("- ").append(heapLine).append('\n');
        md.append("- ").append(jvmLine).append('\n');
        md.append("- refusals (whole run): ").append(refusals).append('\n');
        md.append("- errors (whole run): ").append(errorCounts.isEmpty() ? "none" : new TreeMap<>(errorCounts)).append('\n');
        Files.writeString(dir.resolve("summary-body.md"), md);

        System.out.printf(Locale.ROOT,
                "RESULT soak users=%d minutes=%.1f requests=%d rps=%.1f measuredRequests=%d measuredRps=%.1f p50=%.1f"
                        + " p95=%.1f p99=%.1f max=%.1f refused=%d errors=%d err5xx=%d err4xx=%d errIo=%d heapIdle=%.1f"
                        + " heapStart=%.1f heapEnd=%.1f heapMin=%.1f heapMax=%.1f ratio=%.3f slopeMBperHour=%.1f"
                        + " growthMB=%.1f flat=%s rssStart=%.0f rssEnd=%.0f threadsStart=%.0f threadsEnd=%.0f load=%s%n",
                users, minutes, everything.count(), everything.count() / elapsed, total.count(),
                total.count() / measuredSeconds, total.ms(0.5), total.ms(0.95), total.ms(0.99), total.ms(1.0),
                everything.refused, everything.errors(), everything.err5xx, everything.err4xx, everything.errIo,
                idle.heapUsedMb, v.start, v.end, v.min, v.max, v.ratio, v.slopePerHour, v.projected, v.flat, first[2],
                lastSample[2], first[3], lastSample[3], load());
        return everything.errors() == 0 && v.flat ? 0 : 1;
    }

    record Verdict(double start, double end, double min, double max, double ratio, double slopePerHour,
            double projected, boolean flat) {}

    /**
     * Flat when the post-GC heap grows less than 10% over the measured run, read two ways: the median of the last
     * three samples against the median of the first three after the warm-up, and the least-squares line through the
     * samples of the last two thirds of the run, extended over the whole measured time.
     */
    static Verdict verdict(List<double[]> samples, double elapsed, int warmup) {
        if (samples.size() < 3) return new Verdict(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, false);
        double start = median(samples.subList(0, 3));
        double end = median(samples.subList(samples.size() - 3, samples.size()));
        double min = samples.stream().mapToDouble(h -> h[1]).min().orElseThrow();
        double max = samples.stream().mapToDouble(h -> h[1]).max().orElseThrow();
        List<double[]> tail = samples.stream().filter(h -> h[0] >= elapsed / 3).toList();
        if (tail.size() < 2) tail = samples;
        double n = tail.size(), sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] h : tail) {
            sx += h[0];
            sy += h[1];
            sxx += h[0] * h[0];
            sxy += h[0] * h[1];
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx); // MB per second
        double projected = slope * (elapsed - warmup);
        boolean flat = end <= 1.10 * start && projected <= 0.10 * start;
        return new Verdict(start, end, min, max, end / start, slope * 3600, projected, flat);
    }

    static double median(List<double[]> samples) {
        double[] v = samples.stream().mapToDouble(h -> h[1]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    // ---------------------------------------------------------------- setup

    List<User> setup(int users) throws Exception {
        String admin = "Bearer " + token(basic(ADMIN, DEMO_PASSWORD), "soak-admin");
        managerToken = "Bearer " + token(basic("manager@demo.test", DEMO_PASSWORD), "soak-manager");
        treasurerToken = "Bearer " + token(basic("treasurer@demo.test", DEMO_PASSWORD), "soak-treasurer");
        for (String place : PLACES) {
            List<String> slots = new ArrayList<>();
            Map<?, ?> page = (Map<?, ?>) Json.parse(expect(200,
                    get(managerToken, "/api/v1/places/" + place + "/resources?size=200", "application/json")).body());
            for (Object o : (List<?>) page.get("items")) {
                Map<?, ?> r = (Map<?, ?>) o;
                String kind = (String) r.get("kind");
                if (kind.equals("DESK_POOL")) deskPool = (String) r.get("id");
                // rooms, booths, machines and spaces on a grid that need no training
                if (Set.of("ROOM", "PHONE_BOOTH", "MACHINE", "SPACE").contains(kind)
                        && "SLOTS".equals(r.get("scheduling")) && r.get("requiresTrainingId") == null) {
                    slots.add((String) r.get("id"));
                }
            }
            slotResources.put(place, slots);
        }
        System.out.println("resources booked by the hour: " + slotResources + ", desk pool of la-filature: " + deskPool);
        if (deskPool == null) throw new IllegalStateException("no desk pool at " + FILATURE);

        List<User> crowd = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String email = "soak-%03d@soak.test".formatted(i);
            expect(201, post(admin, "/api/v1/network/people", """
                    {"email":"%s","displayName":"Soak %03d","password":"%s","networkAdmin":false}"""
                    .formatted(email, i, MEMBER_PASSWORD)));
            for (String place : PLACES) {
                expect(200, post(admin, "/api/v1/places/" + place + "/members",
                        "{\"email\":\"" + email + "\",\"roles\":[\"MEMBER\"]}"));
            }
            User user = new User(i, email);
            user.token = "Bearer " + token(basic(email, MEMBER_PASSWORD), "soak");
            String feed = Json.field(expect(201, HttpRequest.newBuilder(URI.create(url + "/api/v1/me/calendar-feed"))
                            .header("Authorization", user.token)
                            .header("Accept", "application/json")
                            .timeout(timeout)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build())
                    .body(), "url");
            user.feedPath = feed.substring(feed.indexOf("/ical/"));
            user.signIn();
            crowd.add(user);
        }
        return crowd;
    }

    String token(String authorization, String name) throws IOException, InterruptedException {
        return Json.field(expect(201, post(authorization, "/api/v1/me/tokens", "{\"name\":\"" + name + "\"}")).body(),
                "token");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- one virtual user

    /** A member of both places: a personal token for the API, a page session, a feed, the bookings it holds. */
    class User {
        final int n;
        final String email;
        String token;
        String feedPath;
        /** tl-session and tl-csrf, as a browser keeps them (the session cookie is renewed every few minutes). */
        final Map<String, String> cookies = new ConcurrentHashMap<>();

        /** Active bookings it made: place and id, oldest first. */
        final Deque<String[]> held = new ArrayDeque<>();

        static final int MAX_HELD = 4;

        User(int n, String email) {
            this.n = n;
            this.email = email;
        }

        void signIn() throws IOException, InterruptedException {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url + "/j_security_check"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .timeout(timeout)
                            .POST(HttpRequest.BodyPublishers.ofString("j_username=" + enc(email) + "&j_password="
                                    + enc(MEMBER_PASSWORD)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            keepCookies(login);
            if (login.statusCode() != 302 || !cookies.containsKey("tl-session")) {
                throw new IllegalStateException("sign-in of " + email + ": " + login.statusCode() + " " + login.headers());
            }
            HttpResponse<String> network = http.send(page("/network").GET().build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(network);
            if (network.statusCode() != 200 || !cookies.containsKey("tl-csrf")) {
                throw new IllegalStateException("no CSRF cookie for " + email + ": " + network.statusCode());
            }
        }

        HttpRequest.Builder page(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(timeout).header("Accept",
                    "text/html");
            if (!cookies.isEmpty()) {
                b.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            return b;
        }

        void keepCookies(HttpResponse<?> answer) {
            for (String set : answer.headers().allValues("set-cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq <= 0) continue;
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || set.toLowerCase(Locale.ROOT).contains("max-age=0")) cookies.remove(name);
                else cookies.put(name, value);
            }
        }

        void loop(long deadline, int think) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < deadline) {
                String action = pick(random);
                try {
                    act(action, random);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a bug of the harness, not of the application: say it once per kind and go on
                    errorExamples.putIfAbsent("harness " + action, e.toString());
                }
                if (think > 0) {
                    try {
                        Thread.sleep(random.nextInt(2 * think + 1));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }

        String pick(ThreadLocalRandom random) {
            int r = random.nextInt(100);
            for (var e : MIX.entrySet()) {
                r -= e.getValue();
                if (r < 0) return e.getKey();
            }
            return "page.network";
        }

        void act(String action, ThreadLocalRandom random) throws InterruptedException {
            String place = PLACES.get(random.nextInt(PLACES.size()));
            LocalDate today = LocalDate.now(ZONE);
            LocalDate week = today.plusDays(random.nextInt(0, 56));
            switch (action) {
                case "page.root" -> call(action, anonymous("/", "text/html"), Set.of(303), false);
                case "page.network" -> pageCall(action, "/network");
                case "page.place" -> pageCall(action, "/" + place);
                case "page.book" -> pageCall(action, "/" + place + "/book?week=" + week);
                case "page.mybookings" -> pageCall(action, "/" + place + "/bookings");
                case "api.availability" -> call(action, get(token, "/api/v1/places/" + place + "/availability?from="
                        + week + "&to=" + week.plusDays(6)), Set.of(200), false);
                case "api.bookings.mine" -> call(action, get(token, "/api/v1/places/" + place
                        + "/bookings/mine?when=" + (random.nextInt(4) == 0 ? "past" : "upcoming")), Set.of(200), false);
                case "flow.desk" -> bookDesk(random);
                case "flow.slot" -> bookSlot(place, random);
                case "flow.cancel" -> cancelOldest(random);
                case "ical" -> call(action, anonymous(feedPath, "text/calendar"), Set.of(200), false);
                case "manager.occupancy" -> call(action, get(managerToken, "/api/v1/places/" + place
                        + "/occupancy/live"), Set.of(200), false);
                case "manager.expected" -> call(action, get(managerToken, "/api/v1/places/" + place
                        + "/checkins/expected"), Set.of(200), false);
                case "manager.bookings" -> call(action, get(managerToken, "/api/v1/places/" + place + "/bookings?from="
                        + week + "&to=" + week.plusDays(6)), Set.of(200), false);
                case "treasurer.invoices" -> call(action, get(treasurerToken, "/api/v1/places/" + place
                        + "/invoices?size=50&page=" + random.nextInt(2)), Set.of(200), false);
                case "treasurer.csv" -> call(action, get(treasurerToken, "/api/v1/places/" + place
                        + "/exports/invoices.csv?from=" + today.withDayOfYear(1) + "&to=" + today, "*/*"),
                        Set.of(200), false);
                case "public.geojson" -> call(action, anonymous("/api/v1/network/places.geojson", "application/geo+json"),
                        Set.of(200), false);
                case "public.places" -> call(action, anonymous("/api/v1/network/places", "application/json"),
                        Set.of(200), false);
                default -> throw new IllegalArgumentException(action);
            }
        }

        void pageCall(String kind, String path) throws InterruptedException {
            call(kind, page(path).GET().build(), Set.of(200), false, this);
        }

        HttpRequest anonymous(String path, String accept) {
            return HttpRequest.newBuilder(URI.create(url + path)).timeout(timeout).header("Accept", accept).GET()
                    .build();
        }

        /** A half-day (now and then a whole day) of la-filature's open space, among the parts still free. */
        void bookDesk(ThreadLocalRandom random) throws InterruptedException {
            if (held.size() >= MAX_HELD) cancelOldest(random);
            LocalDate from = LocalDate.now(ZONE).plusDays(random.nextInt(1, 70));
            HttpResponse<String> days = call("api.desks.days", get(token, "/api/v1/places/" + FILATURE
                    + "/desks/days?from=" + from + "&to=" + from.plusDays(6)), Set.of(200), false);
            if (days == null || days.statusCode() != 200) return;
            List<String[]> free = new ArrayList<>(); // date, part
            for (Object p : (List<?>) ((Map<?, ?>) Json.parse(days.body())).get("pools")) {
                for (Object d : (List<?>) ((Map<?, ?>) p).get("days")) {
                    for (Object part : (List<?>) ((Map<?, ?>) d).get("parts")) {
                        Map<?, ?> pm = (Map<?, ?>) part;
                        boolean half = !"DAY".equals(pm.get("part"));
                        if (((Number) pm.get("free")).intValue() > 0 && (half || random.nextInt(5) == 0)) {
                            free.add(new String[] {(String) ((Map<?, ?>) d).get("date"), (String) pm.get("part")});
                        }
                    }
                }
            }
            if (free.isEmpty()) return;
            String[] choice = free.get(random.nextInt(free.size()));
            HttpResponse<String> booked = call("book.desk", post(token, "/api/v1/places/" + FILATURE + "/desks/bookings",
                    "{\"resourceId\":\"%s\",\"date\":\"%s\",\"part\":\"%s\"}".formatted(deskPool, choice[0], choice[1])),
                    Set.of(201), true);
            remember(FILATURE, booked);
        }

        /** An hour of a room, a booth, a machine or a space, in a free interval of a week ahead. */
        void bookSlot(String place, ThreadLocalRandom random) throws InterruptedException {
            if (held.size() >= MAX_HELD) cancelOldest(random);
            List<String> resources = slotResources.get(place);
            String resource = resources.get(random.nextInt(resources.size()));
            LocalDate from = LocalDate.now(ZONE).plusDays(random.nextInt(1, 70));
            HttpResponse<String> free = call("api.availability.resource", get(token, "/api/v1/places/" + place
                    + "/resources/" + resource + "/availability?from=" + from + "&to=" + from.plusDays(6)),
                    Set.of(200), false);
            if (free == null || free.statusCode() != 200) return;
            List<OffsetDateTime[]> hours = new ArrayList<>();
            for (Object o : (List<?>) Json.parse(free.body())) {
                Map<?, ?> interval = (Map<?, ?>) o;
                OffsetDateTime s = OffsetDateTime.parse((String) interval.get("start"));
                OffsetDateTime e = OffsetDateTime.parse((String) interval.get("end"));
                for (OffsetDateTime at = s; !at.plusHours(1).isAfter(e); at = at.plusHours(1)) {
                    hours.add(new OffsetDateTime[] {at, at.plusHours(1)});
                }
            }
            if (hours.isEmpty()) return;
            OffsetDateTime[] slot = hours.get(random.nextInt(hours.size()));
            HttpResponse<String> booked = call("book.slot", post(token, "/api/v1/places/" + place + "/bookings",
                    "{\"resourceId\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"}".formatted(resource, slot[0], slot[1])),
                    Set.of(201), true);
            remember(place, booked);
        }

        void remember(String place, HttpResponse<String> booked) {
            if (booked != null && booked.statusCode() == 201) {
                held.addLast(new String[] {place, Json.field(booked.body(), "id")});
            }
        }

        /** Cancels its oldest booking: through the API, or through the page's form as a browser does. */
        void cancelOldest(ThreadLocalRandom random) throws InterruptedException {
            String[] booking = held.pollFirst();
            if (booking == null) {
                call("api.bookings.mine", get(token, "/api/v1/places/" + PLACES.get(random.nextInt(2))
                        + "/bookings/mine"), Set.of(200), false);
                return;
            }
            if (random.nextBoolean()) {
                call("cancel.api", post(token, "/api/v1/places/" + booking[0] + "/bookings/" + booking[1] + "/cancel",
                        "{}"), Set.of(200), true);
            } else {
                String csrf = cookies.getOrDefault("tl-csrf", "");
                call("cancel.page", page("/" + booking[0] + "/bookings/" + booking[1] + "/cancel")
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("X-CSRF-TOKEN", csrf)
                                .POST(HttpRequest.BodyPublishers.ofString("reason=&csrf-token=" + enc(csrf)))
                                .build(),
                        Set.of(303), true, this);
            }
        }
    }

    // ---------------------------------------------------------------- calls and their outcomes

    HttpResponse<String> call(String kind, HttpRequest request, Set<Integer> ok, boolean refusable)
            throws InterruptedException {
        return call(kind, request, ok, refusable, null);
    }

    /**
     * Sends, times and classifies one call. A refusal is a 409 or 422 problem of a booking or a cancellation (the
     * slot was taken meanwhile, the hold ran out...); everything else that is not {@code ok} is an error.
     */
    HttpResponse<String> call(String kind, HttpRequest request, Set<Integer> ok, boolean refusable, User browser)
            throws InterruptedException {
        long t = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            window.get().kind(kind).io(System.nanoTime() - t);
            error(kind, "timeout", request.method() + " " + request.uri().getPath());
            return null;
        } catch (IOException e) {
            window.get().kind(kind).io(System.nanoTime() - t);
            error(kind, "io " + e.getClass().getSimpleName(), request.method() + " " + request.uri().getPath() + ": " + e);
            return null;
        }
        long elapsed = System.nanoTime() - t;
        if (browser != null) browser.keepCookies(answer);
        int status = answer.statusCode();
        Kind k = window.get().kind(kind);
        if (ok.contains(status)) {
            k.ok(elapsed);
        } else if (refusable && (status == 409 || status == 422)) {
            String code = Json.field(answer.body(), "code"); // a page's refusal is HTML: its status only
            k.refused(elapsed, code != null ? code : "page " + status);
        } else {
            k.error(elapsed, status);
            String location = answer.headers().firstValue("location").map(l -> " -> " + l).orElse("");
            error(kind, status + " " + Json.field(answer.body(), "code"), request.method() + " "
                    + request.uri().getPath() + location + ": " + abbreviate(answer.body()));
        }
        return answer;
    }

    final Map<String, Long> errorCounts = new ConcurrentHashMap<>();
    final Map<String, String> errorExamples = new ConcurrentHashMap<>();

    void error(String kind, String what, String example) {
        errorCounts.merge(kind + " " + what, 1L, Long::sum);
        errorExamples.putIfAbsent(kind + " " + what, example);
    }

    HttpRequest post(String authorization, String path, String json) {
        return HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    HttpRequest get(String authorization, String path) {
        return get(authorization, path, "application/json");
    }

    HttpRequest get(String authorization, String path, String accept) {
        return HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", authorization)
                .header("Accept", accept)
                .timeout(timeout)
                .GET()
                .build();
    }

    /** For the setup: sends and fails loudly on anything unexpected. */
    HttpResponse<String> expect(int status, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.statusCode() + " from "
                    + request.method() + " " + request.uri() + ": " + abbreviate(answer.body()));
        }
        return answer;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- statistics

    final AtomicReference<Window> window = new AtomicReference<>(new Window());

    /** One sampling interval: per kind, the latencies and outcomes. */
    static class Window {
        final long opened = System.nanoTime();
        final Map<String, Kind> kinds = new ConcurrentHashMap<>();

        Kind kind(String name) {
            return kinds.computeIfAbsent(name, k -> new Kind());
        }

        Kind total() {
            Kind all = new Kind();
            kinds.values().forEach(all::merge);
            return all;
        }

        void merge(Window other) {
            other.kinds.forEach((name, k) -> kind(name).merge(k));
        }
    }

    static class Totals extends Window {
        void add(Window w) {
            merge(w);
        }
    }

    /** Latencies (nanoseconds) and outcomes of one kind of call. */
    static class Kind {
        long[] nanos = new long[256];
        int size;
        long ok, refused, err5xx, err4xx, errIo;
        final Map<String, AtomicLong> codes = new ConcurrentHashMap<>();

        synchronized void add(long n) {
            if (size == nanos.length) nanos = Arrays.copyOf(nanos, size * 2);
            nanos[size++] = n;
        }

        synchronized void ok(long n) {
            add(n);
            ok++;
        }

        synchronized void refused(long n, String code) {
            add(n);
            refused++;
            codes.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
        }

        synchronized void error(long n, int status) {
            add(n);
            if (status >= 500) err5xx++;
            else err4xx++;
        }

        synchronized void io(long n) {
            add(n);
            errIo++;
        }

        synchronized void merge(Kind other) {
            synchronized (other) {
                for (int i = 0; i < other.size; i++) add(other.nanos[i]);
                ok += other.ok;
                refused += other.refused;
                err5xx += other.err5xx;
                err4xx += other.err4xx;
                errIo += other.errIo;
                other.codes.forEach((c, n) -> codes.computeIfAbsent(c, x -> new AtomicLong()).addAndGet(n.get()));
            }
        }

        synchronized long count() {
            return size;
        }

        long errors() {
            return err5xx + err4xx + errIo;
        }

        synchronized double ms(double quantile) {
            if (size == 0) return Double.NaN;
            long[] sorted = Arrays.copyOf(nanos, size);
            Arrays.sort(sorted);
            int index = (int) Math.ceil(quantile * size) - 1;
            return sorted[Math.max(0, Math.min(index, size - 1))] / 1e6;
        }
    }

    // ---------------------------------------------------------------- the application's JVM

    record Jvm(double heapUsedMb, double heapCommittedMb, double objects, double rssMb, int threads, int fds,
            String histogram) {}

    /**
     * Reads the application's live heap (jcmd GC.class_histogram: a full GC, then the live objects counted, so
     * nothing allocated after the GC is included) and its process figures (/proc).
     */
    record Sampler(long pid, String jcmd) {
        static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)");
        static final Pattern COMMITTED = Pattern.compile("committed (\\d+)K");

        Jvm jvm() throws IOException, InterruptedException {
            if (pid <= 0) return new Jvm(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, "");
            String histogram = run("GC.class_histogram");
            Matcher total = TOTAL.matcher(histogram);
            if (!total.find()) throw new IOException("no total in the class histogram: " + abbreviate(histogram));
            Matcher committed = COMMITTED.matcher(run("GC.heap_info"));
            String status = Files.readString(Path.of("/proc/" + pid + "/status"));
            String[] fds = new java.io.File("/proc/" + pid + "/fd").list();
            return new Jvm(Long.parseLong(total.group(2)) / 1048576.0,
                    committed.find() ? Long.parseLong(committed.group(1)) / 1024.0 : Double.NaN,
                    Long.parseLong(total.group(1)), statusField(status, "VmRSS") / 1024.0,
                    (int) statusField(status, "Threads"), fds == null ? -1 : fds.length, histogram);
        }

        String run(String command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(jcmd, String.valueOf(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IOException("jcmd " + command + " failed: " + out);
            return out;
        }

        static long statusField(String status, String name) {
            Matcher m = Pattern.compile("(?m)^" + name + ":\\s+(\\d+)").matcher(status);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static String abbreviate(String s) {
        if (s == null) return "";
        s = s.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    // ---------------------------------------------------------------- a small JSON reader (no library)

    /** Objects as maps, arrays as lists, strings, numbers (Double), booleans and null. Enough for our answers. */
    static final class Json {
        final String s;
        int i;

        Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            Object v = j.value();
            j.space();
            if (j.i != text.length()) throw new IllegalArgumentException("trailing text at " + j.i);
            return v;
        }

        /** A top-level field of an object answer, as a string; null when the answer is no object or lacks it. */
        static String field(String text, String name) {
            try {
                Object v = parse(text);
                if (v instanceof Map<?, ?> m && m.get(name) != null) {
                    Object f = m.get(name);
                    return f instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(f);
                }
            } catch (RuntimeException notJson) {
                // an HTML page or a file: no field
            }
            return null;
        }

        void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        Object value() {
            space();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    space();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        space();
                        String key = string();
                        space();
                        expect(':');
                        m.put(key, value());
                        space();
                        if (s.charAt(i) == ',') i++;
                        else {
                            expect('}');
                            return m;
                        }
                    }
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    space();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        space();
                        if (s.charAt(i) == ',') i++;
                        else {
                            expect(']');
                            return l;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
                    if (start == i) throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
                    return Double.parseDouble(s.substring(start, i));
                }
            }
        }

        void expect(char c) {
            if (s.charAt(i) != c) throw new IllegalArgumentException("expected '" + c + "' at " + i);
            i++;
        }

        String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }
    }
}

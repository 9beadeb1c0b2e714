package io.ciamportal.instances;

import static io.ciamportal.testsupport.ApiClient.basic;

import io.ciamportal.testsupport.PortalInstance;
import io.ciamportal.testsupport.RunningPortal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load on the portal instances while the database goes away and comes back, and a record of every request: per
 * instance a writer (A creates migrations, B cycles a gate through evidence, submission and two approvals) and a
 * monitor (reads, then health, readiness and liveness). Each load request gives up after {@link #ANSWER_WITHIN}.
 */
final class OutageLoad implements AutoCloseable {

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String GATE = "rollback";
    static final String ANALYST = basic("analyst", RunningPortal.DEMO_PASSWORD);
    static final String REVIEWER = basic("reviewer", RunningPortal.DEMO_PASSWORD);
    static final String REVIEWER2 = basic("reviewer2", RunningPortal.DEMO_PASSWORD);
    static final String VIEWER = basic("viewer", RunningPortal.DEMO_PASSWORD);

    /** One request as the client saw it: when it started and ended (nanoTime), and the answer (status 0: none in time). */
    record Call(String instance, String kind, String what, long start, long end, int status, String body) {
        Duration took() {
            return Duration.ofNanos(end - start);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return body.startsWith("{") ? JSON.readValue(body, Map.class) : Map.of();
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> created = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger numbers = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    /** Starts the load: {@code cycling} is a migration whose reviewers are reviewer and reviewer2. */
    OutageLoad(PortalInstance a, PortalInstance b, String cycling) {
        threads.submit(() -> loop(() -> {
            int n = numbers.incrementAndGet();
            var answer = call(a, "write", "POST", "/api/v1/migrations", ANALYST, """
                    {"name": "Outage load %d", "source": "cognito", "destination": "clerk", "inventory": {"totalUsers": %d}}"""
                    .formatted(n, n));
            if (answer.status() == 201) {
                created.add((String) answer.json().get("id"));
            }
        }));
        threads.submit(() -> loop(() -> cycleGate(b, cycling)));
        for (var instance : List.of(a, b)) {
            threads.submit(() -> loop(() -> {
                call(instance, "read", "GET", "/api/v1/vendors", VIEWER, null);
                call(instance, "read", "GET", "/api/v1/migrations/" + cycling, ANALYST, null);
                call(instance, "health", "GET", "/actuator/health", null, null);
                call(instance, "readiness", "GET", "/actuator/health/readiness", null, null);
                call(instance, "liveness", "GET", "/actuator/health/liveness", null, null);
            }));
        }
    }

    /** One step of the gate's cycle, chosen by its state: evidence and submit, an approval, or new evidence. */
    private void cycleGate(PortalInstance on, String migration) {
        String base = "/api/v1/migrations/" + migration + "/gates/" + GATE;
        var gate = call(on, "read", "GET", base, ANALYST, null);
        if (gate.status() != 200) {
            return;
        }
        switch ((String) gate.json().get("status")) {
            case "OPEN" -> {
                var evidence = call(on, "write", "POST", base + "/evidence", ANALYST,
                        "{\"kind\": \"TEXT\", \"title\": \"Runbook\", \"text\": \"Rollback rehearsed " + UUID.randomUUID() + "\"}");
                if (evidence.status() == 200) {
                    call(on, "write", "POST", base + "/submit", ANALYST, "");
                }
            }
            case "SUBMITTED" -> {
                var first = call(on, "write", "POST", base + "/sign-offs", REVIEWER, "{\"decision\": \"APPROVE\", \"comment\": \"ok\"}");
                if (first.status() == 409) {
                    call(on, "write", "POST", base + "/sign-offs", REVIEWER2, "{\"decision\": \"APPROVE\", \"comment\": \"ok\"}");
                }
            }
            default -> call(on, "write", "POST", base + "/evidence", ANALYST,
                    "{\"kind\": \"TEXT\", \"title\": \"Runbook\", \"text\": \"Changed after approval " + UUID.randomUUID() + "\"}");
        }
    }

    private void loop(Runnable step) {
        while (running.get()) {
            try {
                step.run();
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // an unexpected answer could not be read; the call itself is recorded
            }
        }
    }

    private Call call(PortalInstance on, String kind, String method, String path, String authorization, String body) {
        var request = HttpRequest.newBuilder(URI.create(on.baseUrl() + path)).timeout(ANSWER_WITHIN).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long start = System.nanoTime();
        Call call;
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            call = new Call(on.name(), kind, method + " " + path, start, System.nanoTime(), response.statusCode(), response.body());
        } catch (IOException e) {
            call = new Call(on.name(), kind, method + " " + path, start, System.nanoTime(), 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call = new Call(on.name(), kind, method + " " + path, start, System.nanoTime(), 0, "interrupted");
        }
        calls.add(call);
        return call;
    }

    List<Call> calls(Predicate<Call> which) {
        synchronized (calls) {
            return calls.stream().filter(which).toList();
        }
    }

    /** The end of the first successful call of that kind on that instance started after {@code after}; -1 if none yet. */
    long firstSuccess(String instance, String kind, long after) {
        return calls(c -> c.instance().equals(instance) && c.kind().equals(kind) && c.start() >= after && c.ok())
                .stream().mapToLong(Call::end).min().orElse(-1);
    }

    /** The migrations whose creation was answered 201. */
    List<String> acknowledged() {
        synchronized (created) {
            return List.copyOf(created);
        }
    }

    /** Stops the load and waits for the requests in flight. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        threads.shutdown();
        if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}

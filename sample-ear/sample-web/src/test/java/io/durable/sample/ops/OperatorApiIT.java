package io.durable.sample.ops;

import io.durable.sample.Http;
import io.durable.sample.LoopbackPorts;
import io.durable.sample.PayaraMicroProcess;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The operator API (durable-ops) in the sample on a real Payara Micro process, logged in with HTTP
 * Basic as the sample's demo users: 401 without credentials on every endpoint, 403 for a viewer on
 * every action, another tenant's run is "not found" in reads and actions, pages are bounded and a
 * cursor visits every run once, no error body carries SQL or a stack trace (a real store failure
 * included), and the actions take effect with the authenticated caller as their actor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorApiIT {

    private static final Pattern SQL = Pattern.compile(
            "(?is)\\b(select|insert|update|delete)\\b.*\\b(from|into|set|where)\\b|durable_approval|sqlstate|jdbc");
    private static final Pattern STACK = Pattern.compile("(?s)\\bat [\\w$.]+\\(|Exception\\b|\\bCaused by\\b");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path folder;

    private PayaraMicroProcess server;
    private Http operator;
    private Http viewer;
    private Http globex;
    private Http admin;
    private Http anonymous;

    @BeforeAll
    void start() throws Exception {
        Path war = SampleWithExtras.build(folder.resolve("sample-ops.war"), List.of(StoreSabotage.class));
        server = new PayaraMicroProcess(folder.resolve("server"), war,
                List.of("-Ddurable.engine.sweep-interval=PT2S", "-Ddurable.engine.lease-duration=PT6S"),
                PayaraMicroProcess.Cluster.alone("ops"), LoopbackPorts.free(1));
        server.start();
        operator = new Http(server.api());
        viewer = operator.as("viewer");
        globex = operator.as("globex");
        admin = operator.as("admin");
        anonymous = operator.anonymous();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void every_endpoint_answers_401_without_credentials_or_with_a_wrong_password() {
        String run = start(operator, "purchase", "anon-" + UUID.randomUUID());
        Http wrong = operator.wrongPassword("operator");
        for (String[] endpoint : endpoints(run)) {
            for (Http caller : List.of(anonymous, wrong)) {
                Http.Answer answer = send(caller, endpoint);
                assertEquals(401, answer.status(), String.join(" ", endpoint) + ": " + answer.body());
                assertError(answer, 401);
                assertFalse(answer.headers().containsKey("www-authenticate"),
                        "no challenge, so a browser opens no login dialog: " + answer.headers());
            }
        }
        JsonObject untouched = operator.run(run);
        assertTrue(untouched.isNull("lastAction"), untouched.toString());
        assertEquals("SUSPENDED", untouched.getString("status"));
    }

    @Test
    void a_viewer_reads_and_is_refused_every_action() {
        String run = start(operator, "purchase", "viewed-" + UUID.randomUUID());
        awaitApproval(operator, run);
        for (String[] endpoint : endpoints(run)) {
            Http.Answer answer = send(viewer, endpoint);
            if (endpoint[0].equals("GET")) {
                // the sample's former run paths are 404, once logged in
                boolean found = !endpoint[1].equals("approvals") && !endpoint[1].startsWith("runs");
                assertEquals(found ? 200 : 404, answer.status(), String.join(" ", endpoint) + ": " + answer.body());
            } else {
                assertEquals(403, answer.status(), String.join(" ", endpoint) + ": " + answer.body());
                assertError(answer, 403);
            }
        }
        JsonObject untouched = operator.run(run);
        assertTrue(untouched.isNull("lastAction"), untouched.toString());
        assertFalse(untouched.getBoolean("paused"));
        assertEquals("PENDING", untouched.getJsonArray("approvals").getJsonObject(0).getString("status"));

        JsonObject me = viewer.get("durable/me").object();
        assertEquals(Json.createObjectBuilder().add("name", "viewer").add("tenant", "acme")
                .add("roles", Json.createArrayBuilder().add("durable-viewer")).add("admin", false).build(), me);
        assertTrue(admin.get("durable/me").object().getBoolean("admin"));
        assertEquals("globex", globex.get("durable/me").object().getString("tenant"));
    }

    @Test
    void another_tenants_run_is_not_found_in_reads_and_actions() {
        String acme = start(operator, "purchase", "tenant-acme-" + UUID.randomUUID());
        String ofGlobex = start(globex, "purchase", "tenant-globex-" + UUID.randomUUID());
        awaitApproval(operator, acme);
        String missing = UUID.randomUUID().toString();

        for (String[] endpoint : runEndpoints(acme)) {
            Http.Answer foreign = send(globex, endpoint);
            assertEquals(404, foreign.status(), "globex " + String.join(" ", endpoint) + ": " + foreign.body());
            assertError(foreign, 404);
            Http.Answer none = send(globex, new String[] {endpoint[0], endpoint[1].replace(acme, missing), endpoint[2]});
            assertEquals(none.body().replace(missing, acme), foreign.body(),
                    "another tenant's run reads exactly like one that does not exist");
        }
        JsonObject untouched = operator.run(acme);
        assertTrue(untouched.isNull("lastAction"), untouched.toString());
        assertEquals("SUSPENDED", untouched.getString("status"));

        Set<String> seenByGlobex = ids(globex.allRuns("workflow=purchase"));
        assertTrue(seenByGlobex.contains(ofGlobex));
        assertFalse(seenByGlobex.contains(acme), "globex lists none of acme's runs");
        assertFalse(ids(operator.allRuns("workflow=purchase")).contains(ofGlobex), "acme lists none of globex's runs");
        assertEquals(0, globex.allRuns("instanceId=" + untouched.getString("instanceId")).size());
        assertTrue(globex.get("durable/approvals?limit=200").object().getJsonArray("approvals").stream()
                .noneMatch(a -> a.asJsonObject().getString("runId").equals(acme)));

        Set<String> seenByAdmin = ids(admin.allRuns("workflow=purchase"));
        assertTrue(seenByAdmin.containsAll(Set.of(acme, ofGlobex)), "an admin sees every tenant");
        List<JsonObject> globexOnly = admin.allRuns("workflow=purchase&owner=globex");
        assertTrue(ids(globexOnly).contains(ofGlobex));
        assertTrue(globexOnly.stream().allMatch(r -> "globex".equals(r.getString("owner"))), globexOnly.toString());
        assertEquals(403, operator.get("durable/runs?owner=globex").status(), "only an admin filters by owner");
        assertEquals(200, admin.get("durable/runs/" + acme).status());
    }

    @Test
    void pages_are_bounded_and_a_cursor_visits_every_run_once() {
        String prefix = "page-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Set<String> started = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            started.add(start(operator, "reminder", prefix + i, "{\"who\":\"p" + i + "\",\"seconds\":3600}"));
        }
        for (String bad : List.of("durable/runs?limit=0", "durable/runs?limit=201", "durable/runs?limit=ten",
                "durable/runs?limit=-1", "durable/approvals?limit=0", "durable/approvals?limit=201",
                "durable/runs/" + started.iterator().next() + "/steps?limit=0",
                "durable/runs/" + started.iterator().next() + "/steps?limit=1001",
                "durable/runs/" + started.iterator().next() + "/steps?from=-1",
                "durable/runs/" + started.iterator().next() + "/tree?max=0",
                "durable/runs/" + started.iterator().next() + "/tree?max=1001",
                "durable/runs/" + started.iterator().next() + "/signals?limit=1001")) {
            Http.Answer answer = operator.get(bad);
            assertEquals(400, answer.status(), bad + ": " + answer.body());
            assertError(answer, 400);
        }
        assertEquals(200, operator.get("durable/runs?limit=200").status());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Http.Answer answer = operator.get("durable/runs?workflow=reminder&limit=5"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(200, answer.status(), answer.body());
            JsonObject page = answer.object();
            assertTrue(page.getJsonArray("runs").size() <= 5, "a page holds at most its limit");
            page.getJsonArray("runs").forEach(r -> seen.add(r.asJsonObject().getString("id")));
            cursor = page.isNull("next") ? null : page.getString("next");
            pages++;
        } while (cursor != null && pages < 50);
        assertTrue(pages >= 5, "23 runs in pages of 5: " + pages + " pages");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no run on two pages: " + seen);
        assertTrue(seen.containsAll(started), "every run on some page");

        JsonObject counts = operator.get("durable/runs/counts?workflow=reminder").object().getJsonObject("counts");
        long total = counts.values().stream().mapToLong(v -> ((jakarta.json.JsonNumber) v).longValue()).sum();
        assertEquals(seen.size(), total, "the counts add up to the runs listed: " + counts);
    }

    @Test
    void no_error_body_carries_sql_or_a_stack_trace_not_even_a_store_failure() throws Exception {
        String run = start(operator, "purchase", "errors-" + UUID.randomUUID());
        awaitApproval(operator, run);
        List<Http.Answer> errors = new ArrayList<>();
        errors.add(expect(400, operator.get("durable/runs/bad%20id%27--")));
        errors.add(expect(400, operator.get("durable/runs?status=sleeping")));
        errors.add(expect(400, operator.get("durable/runs?from=yesterday")));
        errors.add(expect(400, operator.get("durable/runs?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")));
        errors.add(expect(400, operator.get("durable/runs?workflow=" + "w".repeat(151))));
        errors.add(expect(400, operator.get("durable/runs?cursor=not%20a%20cursor")));
        errors.add(expect(400, operator.get("durable/runs?cursor=bm90LWEtY3Vyc29y")));
        errors.add(expect(400, operator.post("durable/runs/" + run + "/signals/decision", "{}")));
        errors.add(expect(400, operator.post("durable/runs/" + run + "/pause", "{\"reason\":")));
        errors.add(expect(400, operator.post("durable/runs/" + run + "/pause", "{\"reason\":42}")));
        errors.add(expect(400, operator.post("durable/runs/" + run + "/pause", "{\"reason\":\"" + "r".repeat(1001) + "\"}")));
        errors.add(expect(400, operator.post("durable/runs/" + run + "/approvals/a%7Cb/approve", "")));
        errors.add(expect(400, operator.post("orders", "{\"orderId\":")));
        errors.add(expect(400, operator.post("runs/order/x-1", "{\"orderId\":")));
        errors.add(expect(404, operator.get("durable/runs/" + UUID.randomUUID())));
        errors.add(expect(404, operator.get("durable/no-such-thing")));
        errors.add(expect(404, operator.post("durable/runs/" + run + "/approvals/other/approve", "")));
        errors.add(expect(405, operator.get("durable/runs/" + run + "/pause")));
        errors.add(expect(409, operator.post("durable/runs/" + run + "/retry", "")));
        errors.add(expect(413, operator.post("durable/runs/" + run + "/signals/decision",
                "\"" + "x".repeat(64 * 1024) + "\"")));
        errors.add(expect(415, operator.post("durable/runs/" + run + "/pause", "reason=x",
                "Content-Type", "application/x-www-form-urlencoded")));

        assertEquals(200, operator.post("test/store/break", "").status());
        try {
            Http.Answer failed = expect(500, operator.get("durable/runs/" + run));
            errors.add(failed);
            errors.add(expect(500, operator.get("durable/approvals")));
            String message = failed.object().getString("error");
            assertTrue(message.matches("Internal error, reference [0-9a-f-]{36}"), message);
            String reference = message.substring("Internal error, reference ".length());
            String log = server.log(1);
            int logged = log.indexOf(reference);
            assertTrue(logged >= 0, "the server log has the reference");
            assertTrue(SQL.matcher(log.substring(logged, Math.min(log.length(), logged + 20_000))).find(),
                    "the server log has the detail the caller does not see");
        } finally {
            assertEquals(200, operator.post("test/store/repair", "").status());
        }
        assertEquals(200, operator.get("durable/runs/" + run).status(), "the store works again");

        for (Http.Answer error : errors) {
            assertError(error, error.status());
            assertFalse(SQL.matcher(error.body()).find(), "SQL in " + error.body());
            assertFalse(STACK.matcher(error.body()).find(), "a stack trace in " + error.body());
        }
    }

    @Test
    void signal_pause_unpause_cancel_approve_and_reject_take_effect_with_the_caller_as_actor() {
        String expense = start(operator, "expense", "act-" + UUID.randomUUID(), "\"act-1\"");
        awaitStatus(operator, expense, "SUSPENDED");

        JsonObject paused = operator.post("durable/runs/" + expense + "/pause",
                "{\"reason\":\"hold on\",\"actor\":\"mallory\"}").object();
        assertTrue(paused.getBoolean("paused"));
        assertAction(paused, "PAUSE", "operator", "hold on");

        Http.Answer sent = operator.post("durable/runs/" + expense + "/signals/decision",
                "{\"approver\":\"dora\",\"approved\":true}", "Content-Type", "application/json", "Idempotency-Key", "key-1");
        assertEquals(202, sent.status(), sent.body());
        assertFalse(sent.object().getBoolean("duplicate"));
        Http.Answer again = operator.post("durable/runs/" + expense + "/signals/decision",
                "{\"approver\":\"dora\",\"approved\":true}", "Content-Type", "application/json", "Idempotency-Key", "key-1");
        assertEquals(200, again.status(), again.body());
        assertTrue(again.object().getBoolean("duplicate"));
        assertEquals(sent.object().getString("signalId"), again.object().getString("signalId"));
        JsonObject signal = operator.get("durable/runs/" + expense + "/signals").object().getJsonArray("signals")
                .getJsonObject(0);
        assertEquals("decision", signal.getString("name"));
        assertEquals("dora", signal.getJsonObject("payload").getString("approver"));
        assertTrue(operator.run(expense).getBoolean("paused"), "a paused run stays parked");

        JsonObject unpaused = operator.post("durable/runs/" + expense + "/unpause", "").object();
        assertAction(unpaused, "UNPAUSE", "operator", "");
        JsonObject done = awaitStatus(operator, expense, "COMPLETED");
        assertEquals("act-1 approved by dora", done.getString("output"));
        assertTrue(operator.get("durable/runs/" + expense + "/signals").object().getJsonArray("signals")
                .getJsonObject(0).getBoolean("consumed"));

        String approved = start(operator, "purchase", "approve-" + UUID.randomUUID(), "\"p-approve\"");
        awaitApproval(operator, approved);
        assertTrue(operator.get("durable/approvals").object().getJsonArray("approvals").stream()
                .anyMatch(a -> a.asJsonObject().getString("runId").equals(approved)));
        JsonObject approval = operator.post("durable/runs/" + approved + "/approvals/manager/approve",
                "{\"reason\":\"within budget\",\"actor\":\"mallory\"}").object();
        assertEquals("APPROVED", approval.getString("status"));
        assertEquals("operator", approval.getString("actor"));
        assertEquals("within budget", approval.getString("reason"));
        assertEquals("p-approve approved by operator", awaitStatus(operator, approved, "COMPLETED").getString("output"));
        assertEquals(409, operator.post("durable/runs/" + approved + "/approvals/manager/reject", "").status(),
                "the first decision stands");

        String rejected = start(operator, "purchase", "reject-" + UUID.randomUUID(), "\"p-reject\"");
        awaitApproval(operator, rejected);
        JsonObject rejection = admin.post("durable/runs/" + rejected + "/approvals/manager/reject",
                "{\"reason\":\"too dear\"}").object();
        assertEquals("REJECTED", rejection.getString("status"));
        assertEquals("admin", rejection.getString("actor"));
        assertEquals("p-reject rejected by admin", awaitStatus(operator, rejected, "COMPLETED").getString("output"));

        String cancelled = start(operator, "purchase", "cancel-" + UUID.randomUUID(), "\"p-cancel\"");
        awaitApproval(operator, cancelled);
        JsonObject cancel = operator.post("durable/runs/" + cancelled + "/cancel", "{\"reason\":\"not needed\"}").object();
        assertEquals("CANCELLED", cancel.getString("status"));
        assertAction(cancel, "CANCEL", "operator", "not needed");
        assertAction(operator.run(cancelled), "CANCEL", "operator", "not needed");
        assertEquals(409, operator.post("durable/runs/" + cancelled + "/cancel", "").status(), "cancelled twice");
    }

    @Test
    void the_openapi_document_describes_the_operator_api() {
        String document = new Http(server.api().replace("sample-web/api/", "")).get("openapi").body();
        for (String path : List.of("/api/durable/runs:", "/api/durable/runs/counts:", "/api/durable/runs/{id}:",
                "/api/durable/runs/{id}/steps:", "/api/durable/runs/{id}/pause:", "/api/durable/runs/{id}/signals/{name}:",
                "/api/durable/runs/{id}/approvals/{key}/approve:", "/api/durable/approvals:", "/api/durable/me:")) {
            assertTrue(document.contains(path), path + " in " + document);
        }
    }

    /** Every endpoint that reads runs or acts on them: method, path, body. */
    private static List<String[]> endpoints(String run) {
        List<String[]> all = new ArrayList<>(runEndpoints(run));
        all.addAll(List.of(
                new String[] {"GET", "durable/me", null},
                new String[] {"GET", "durable/runs", null},
                new String[] {"GET", "durable/runs/counts", null},
                new String[] {"GET", "durable/approvals", null},
                new String[] {"POST", "runs/purchase/denied-" + UUID.randomUUID(), "\"x\""},
                new String[] {"POST", "orders", Http.order("denied-" + UUID.randomUUID().toString().substring(0, 8), "widget", 1)},
                new String[] {"GET", "orders/o-1/effects", null},
                new String[] {"GET", "orders/stock/widget", null},
                new String[] {"GET", "checkout/o-1/ledger", null},
                new String[] {"POST", "syncs/customers", ""},
                new String[] {"GET", "syncs/" + run, null},
                new String[] {"GET", "syncs/customers/table", null},
                // the sample's former run endpoints, now the operator API's: still no answer without a login
                new String[] {"GET", "runs", null},
                new String[] {"GET", "runs/" + run, null},
                new String[] {"POST", "runs/" + run + "/cancel", "{}"},
                new String[] {"GET", "approvals", null}));
        return all;
    }

    /** The operator API's endpoints of one run. */
    private static List<String[]> runEndpoints(String run) {
        String r = "durable/runs/" + run;
        return List.of(
                new String[] {"GET", r, null},
                new String[] {"GET", r + "/steps", null},
                new String[] {"GET", r + "/tree", null},
                new String[] {"GET", r + "/signals", null},
                new String[] {"GET", r + "/export", null},
                new String[] {"POST", r + "/signals/decision", "{}"},
                new String[] {"POST", r + "/pause", "{}"},
                new String[] {"POST", r + "/unpause", "{}"},
                new String[] {"POST", r + "/cancel", "{}"},
                new String[] {"POST", r + "/retry", "{}"},
                new String[] {"POST", r + "/approvals/manager/approve", "{}"},
                new String[] {"POST", r + "/approvals/manager/reject", "{}"});
    }

    private static Http.Answer send(Http caller, String[] endpoint) {
        return endpoint[0].equals("GET") ? caller.get(endpoint[1]) : caller.post(endpoint[1], endpoint[2]);
    }

    private static String start(Http caller, String workflow, String instance) {
        return start(caller, workflow, instance, "\"" + instance + "\"");
    }

    private static String start(Http caller, String workflow, String instance, String input) {
        Http.Answer answer = caller.post("runs/" + workflow + "/" + instance, input);
        assertEquals(201, answer.status(), answer.body());
        return answer.object().getString("runId");
    }

    private static JsonObject awaitStatus(Http api, String runId, String status) {
        return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.run(runId), run -> status.equals(run.getString("status")));
    }

    private static void awaitApproval(Http api, String runId) {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.run(runId).getJsonArray("approvals").size() == 1);
    }

    private static Set<String> ids(List<JsonObject> runs) {
        Set<String> ids = new HashSet<>();
        runs.forEach(r -> ids.add(r.getString("id")));
        return ids;
    }

    private static void assertAction(JsonObject run, String kind, String actor, String reason) {
        JsonObject action = run.getJsonObject("lastAction");
        assertNotNull(action, run.toString());
        assertEquals(kind, action.getString("kind"));
        assertEquals(actor, action.getString("actor"), "the actor is the caller, never a request field");
        assertEquals(reason, action.getString("reason"));
    }

    private static Http.Answer expect(int status, Http.Answer answer) {
        assertEquals(status, answer.status(), answer.body());
        return answer;
    }

    /** An error body is exactly {@code {"error": "<message>", "status": <code>}}. */
    private static void assertError(Http.Answer answer, int status) {
        JsonObject body;
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            body = reader.readObject();
        } catch (JsonException | ClassCastException e) {
            fail("not a JSON error object: " + answer.body());
            return;
        }
        assertEquals(Set.of("error", "status"), body.keySet(), answer.body());
        assertEquals(JsonValue.ValueType.STRING, body.get("error").getValueType(), answer.body());
        assertFalse(body.getString("error").isBlank(), answer.body());
        assertEquals(status, body.getInt("status"), answer.body());
    }
}

package io.durable.sample.dashboard;

import io.durable.sample.Http;
import io.durable.sample.LoopbackPorts;
import io.durable.sample.PayaraMicroProcess;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.durable.sample.dashboard.Browser.byTestId;
import static io.durable.sample.DemoUser.ADMIN;
import static io.durable.sample.DemoUser.GLOBEX;
import static io.durable.sample.DemoUser.OPERATOR;
import static io.durable.sample.DemoUser.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in headless Chromium against the sample in a real Payara Micro: a viewer sees runs,
 * their step tree and timeline, and is refused every action; an operator pauses, unpauses, signals,
 * approves and cancels and sees each take effect; a user of another tenant sees none of acme's runs.
 * Screenshots of the runs list and of run pages go to {@code target/screenshots}.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class DashboardIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    private static final By RUN_VIEW = byTestId("run-view");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path folder;

    private static PayaraMicroProcess server;
    /** The sample's API as a demo user ({@code api.as(VIEWER)}, ...). */
    private static Http api;
    /** The application's root without credentials, for the dashboard's static files. */
    private static Http site;
    private static String dashboard;

    private final List<Browser> browsers = new ArrayList<>();

    /** Keeps a screenshot and the DOM of every browser of a failed test, then closes the browsers. */
    @RegisterExtension
    final AfterEachCallback closeBrowsers = context -> {
        boolean failed = context.getExecutionException().isPresent();
        for (int i = 0; i < browsers.size(); i++) {
            if (failed) {
                browsers.get(i).evidence(SCREENSHOTS, "failed-" + context.getRequiredTestMethod().getName() + "-" + i);
            }
            browsers.get(i).close();
        }
        browsers.clear();
    };

    @BeforeAll
    static void startServer() throws Exception {
        server = new PayaraMicroProcess(folder.resolve("server"), Path.of(System.getProperty("sample.war")),
                List.of("-Ddurable.engine.sweep-interval=PT2S"), PayaraMicroProcess.Cluster.alone("dashboard"),
                LoopbackPorts.free(1));
        server.start();
        String root = server.api().substring(0, server.api().length() - "api/".length());
        api = new Http(server.api());
        site = new Http(root).anonymous();
        dashboard = root + "durable-ui/";
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private Browser browser() {
        Browser browser = new Browser(dashboard, LoopbackPorts.free(1));
        browsers.add(browser);
        return browser;
    }

    @Test
    void the_dashboard_is_served_without_login_under_a_policy_that_allows_only_its_own_origin() {
        Http.Answer bare = site.get("durable-ui");
        assertEquals(302, bare.status());
        assertTrue(bare.header("Location").endsWith("/sample-web/durable-ui/"),
                bare.headers().toString());

        Http.Answer page = site.get("durable-ui/");
        assertEquals(200, page.status());
        assertEquals("text/html;charset=utf-8", page.header("Content-Type").replace(" ", "")
                .toLowerCase(java.util.Locale.ROOT));
        assertTrue(page.body().contains("<meta name=\"durable-api\" content=\"/sample-web/api/durable\">"), page.body());
        String policy = page.header("Content-Security-Policy");
        for (String directive : List.of("default-src 'none'", "script-src 'self'", "connect-src 'self'",
                "style-src 'self'", "frame-ancestors 'none'")) {
            assertTrue(policy.contains(directive), policy);
        }
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("no-cache", page.header("Cache-Control"));

        Http.Answer script = site.get("durable-ui/js/timeline.js");
        assertEquals(200, script.status());
        assertTrue(script.header("Content-Type").startsWith("text/javascript"));
        String etag = script.header("ETag");
        assertEquals(304, site.get("durable-ui/js/timeline.js", "If-None-Match", etag).status());
        assertEquals(200, site.get("durable-ui/dashboard.css").status());

        for (String outside : List.of("durable-ui/../WEB-INF/beans.xml", "durable-ui/%2e%2e/WEB-INF/beans.xml",
                "durable-ui/..%2fWEB-INF%2fbeans.xml", "durable-ui/META-INF/durable-ui/index.html",
                "durable-ui/io/durable/ops/ui/DashboardServlet.class", "durable-ui/js/", "durable-ui/js/missing.js")) {
            Http.Answer answer = site.get(outside);
            assertTrue(answer.status() == 404 || answer.status() == 400, outside + ": " + answer.status());
            assertFalse(answer.body().contains("bean-discovery-mode") || answer.body().contains("durable-api"),
                    outside + " leaked: " + answer.body());
        }
    }

    /**
     * The timeline's and the step tree's models, run in the browser on a journal the sample's workflows
     * do not produce (a retried step, one waiting to retry, a compensation, a paused run): the module
     * the page uses, imported as the page imports it.
     */
    @Test
    void the_timeline_shows_retries_waits_and_a_pause_and_the_tree_nests_compensations() {
        Browser b = browser();
        b.open("#/runs");
        b.visible(byTestId("login-form"));
        Object answer = b.asyncScript("""
                const done = arguments[arguments.length - 1];
                const at = (s) => new Date(Date.parse('2026-01-01T00:00:00Z') + s * 1000).toISOString();
                const step = (sequence, key, name, status, attempt, s, f, result) =>
                    ({ sequence, key, name, status, attempt, result, startedAt: at(s), finishedAt: at(f) });
                const steps = [
                  step(0, 'reserve#1', 'reserve', 'COMPLETED', 1, 0.1, 0.2, 'r-1'),
                  step(1, 'charge#1', 'charge', 'COMPLETED', 3, 4, 4.5, 'p-1'),
                  step(2, '@sleep#1', '@sleep', 'COMPLETED', 1, 5, 5, at(20)),
                  step(3, 'notify#1', 'notify', 'RETRYING', 2, 21, 21.5, at(40)),
                  step(4, '@saga/release#1', 'release', 'COMPLETED', 1, 22, 22.1, null),
                ];
                const run = { createdAt: at(0), finishedAt: null, status: 'SUSPENDED', waitingFor: 'pause', paused: true };
                Promise.all([import('./js/timeline.js'), import('./js/step-tree.js')]).then(([timeline, tree]) => {
                  const model = timeline.buildTimeline(run, steps, Date.parse(at(60)));
                  const root = tree.buildStepTree(steps);
                  done(JSON.stringify({
                    kinds: model.bars.map((bar) => bar.kind),
                    sleep: model.bars.filter((bar) => bar.kind === 'sleep').map((bar) => (bar.to - bar.from) / 1000),
                    paused: model.bars.filter((bar) => bar.kind === 'parked').map((bar) => bar.label),
                    saga: root.children.filter((n) => n.segment === '@saga').map((n) => n.children.map((c) => c.path)),
                  }));
                }, (e) => done(String(e)));
                """);
        assertEquals("{\"kinds\":[\"completed\",\"retried\",\"sleep\",\"retried\",\"retry-wait\",\"completed\",\"parked\"],"
                + "\"sleep\":[15],\"paused\":[\"paused\"],\"saga\":[[\"@saga/release#1\"]]}", answer);
    }

    @Test
    void a_viewer_sees_the_runs_their_step_tree_and_timeline_and_every_action_is_refused() throws Exception {
        String order = api.as(OPERATOR).start("order", "dash-order-ok", order("dash-order-ok", "widget", 1));
        String failed = api.as(OPERATOR).start("order", "dash-order-bad", order("dash-order-bad", "no-such-sku", 1));
        String fulfilment = api.as(OPERATOR).start("fulfilment", "dash-fulfil", "\"dash-fulfil\"");
        String purchase = api.as(OPERATOR).start("purchase", "dash-purchase-v", "\"dash-purchase-v\"");
        api.as(OPERATOR).awaitStatus(order, "COMPLETED");
        api.as(OPERATOR).awaitStatus(failed, "FAILED");
        api.as(OPERATOR).awaitStatus(purchase, "SUSPENDED");
        api.as(OPERATOR).awaitStatus(fulfilment, "COMPLETED");

        Browser b = browser();
        b.login(VIEWER.user, VIEWER.password);
        b.textContains(byTestId("whoami"), "viewer");
        b.waitUntil(d -> b.data(byTestId("run-row"), "run-id").containsAll(List.of(order, failed, fulfilment, purchase)));
        b.waitUntil(d -> count(b, "FAILED") >= 1 && count(b, "SUSPENDED") >= 1 && count(b, "COMPLETED") >= 4);
        b.screenshot(SCREENSHOTS, "runs-list");

        b.type(byTestId("filter-workflow"), "order");
        b.click(byTestId("filter-apply"));
        b.waitUntil(d -> b.data(byTestId("run-row"), "run-id").containsAll(List.of(order, failed))
                && !b.data(byTestId("run-row"), "run-id").contains(fulfilment));

        b.click(By.cssSelector("[data-testid='run-row'][data-run-id='" + order + "'] [data-testid='run-link']"));
        awaitStatus(b, order, "COMPLETED");
        assertEquals(List.of("reserveStock", "charge", "ship", "notifyCustomer"), b.data(byTestId("step-node"), "name"));
        assertEquals(List.of("reserveStock", "charge", "ship", "notifyCustomer"), b.data(byTestId("timeline-bar"), "label"));
        assertEquals(List.of("completed", "completed", "completed", "completed"), b.data(byTestId("timeline-bar"), "kind"));
        b.textContains(byTestId("timeline-legend"), "Step completed");
        b.textContains(byTestId("run-output"), "TRK-dash-order-ok");
        assertFalse(b.driver().findElement(byTestId("run-actions")).isDisplayed(), "a viewer has no actions");
        for (String action : List.of("signal", "pause", "unpause", "retry", "cancel")) {
            assertFalse(b.driver().findElement(byTestId("action-" + action)).isDisplayed(), action);
        }

        b.open("#/runs/" + failed);
        awaitStatus(b, failed, "FAILED");
        b.textContains(byTestId("run-error-step"), "reserveStock#1");
        b.textContains(byTestId("run-error"), "OutOfStockException");
        assertEquals(List.of("failed"), b.data(byTestId("timeline-bar"), "kind"));

        b.open("#/runs/" + fulfilment);
        awaitStatus(b, fulfilment, "COMPLETED");
        b.waitUntil(d -> b.all(byTestId("child-run")).size() == 2);
        List<String> keys = b.data(byTestId("step-node"), "key");
        assertTrue(keys.containsAll(List.of("@parallel:warehouses#1", "@parallel:warehouses#1/north",
                "@parallel:warehouses#1/south", "@parallel:warehouses#1/north/@child:packing#1")), keys.toString());
        assertEquals(List.of("child", "child", "parallel"), b.data(byTestId("timeline-bar"), "kind"));
        b.screenshot(SCREENSHOTS, "run-page-fulfilment");

        b.open("#/runs/" + purchase);
        awaitStatus(b, purchase, "SUSPENDED");
        b.visible(By.cssSelector("[data-testid='approval-row'][data-key='manager']"));
        assertFalse(b.driver().findElement(byTestId("approve-manager")).isDisplayed(), "a viewer cannot approve");

        // what a viewer who un-hides the buttons gets: the API refuses, the page says so
        b.script("const bar = document.querySelector(\"[data-testid='run-actions']\"); bar.hidden = false;"
                + " bar.querySelector(\"[data-testid='action-pause']\").click();");
        b.confirm();
        b.textContains(byTestId("page-error"), "403");
        b.script("const error = document.querySelector(\"[data-testid='page-error']\"); error.hidden = true;"
                + " error.textContent = '';");
        b.script("const approve = document.querySelector(\"[data-testid='approve-manager']\"); approve.hidden = false;"
                + " approve.click();");
        b.confirm();
        b.textContains(byTestId("page-error"), "403");
        JsonObject untouched = api.as(OPERATOR).run(purchase);
        assertFalse(untouched.getBoolean("paused"));
        assertEquals("SUSPENDED", untouched.getString("status"));
        assertEquals(1, untouched.getJsonArray("approvals").size(), "the approval is still pending");
    }

    @Test
    void an_operator_pauses_unpauses_signals_approves_and_cancels_and_sees_each_take_effect() throws Exception {
        String sleeper = api.as(OPERATOR).start("reminder", "dash-sleeper", "{\"who\":\"ann\",\"seconds\":3600}");
        String doomed = api.as(OPERATOR).start("reminder", "dash-doomed", "{\"who\":\"bob\",\"seconds\":3600}");
        String expense = api.as(OPERATOR).start("expense", "dash-expense", "\"dash-expense\"");
        String purchase = api.as(OPERATOR).start("purchase", "dash-purchase-o", "\"dash-purchase-o\"");
        for (String run : List.of(sleeper, doomed, expense, purchase)) {
            api.as(OPERATOR).awaitStatus(run, "SUSPENDED");
        }

        Browser b = browser();
        b.login(OPERATOR.user, OPERATOR.password);

        b.open("#/runs/" + sleeper);
        awaitStatus(b, sleeper, "SUSPENDED");
        assertEquals(List.of("sleep"), b.data(byTestId("timeline-bar"), "kind"), "parked in its sleep, until now");
        b.click(byTestId("action-pause"));
        b.type(byTestId("dialog-reason"), "checking the reminder");
        b.confirm();
        b.textContains(byTestId("page-notice"), "paused");
        b.visible(byTestId("run-paused"));
        b.textContains(By.cssSelector("[data-field='lastAction']"), "pause by operator");
        assertTrue(api.as(OPERATOR).run(sleeper).getBoolean("paused"));

        b.click(byTestId("action-unpause"));
        b.confirm();
        b.invisible(byTestId("run-paused"));
        b.textContains(By.cssSelector("[data-field='lastAction']"), "unpause by operator");
        assertFalse(api.as(OPERATOR).run(sleeper).getBoolean("paused"));

        b.open("#/runs/" + expense);
        awaitStatus(b, expense, "SUSPENDED");
        b.click(byTestId("action-signal"));
        assertEquals("decision", b.visible(byTestId("dialog-signal-name")).getDomProperty("value"),
                "the signal the run waits for");
        b.type(byTestId("dialog-signal-payload"), "{\"approved\": true, \"approver\": ");
        b.click(byTestId("dialog-confirm"));
        b.textContains(byTestId("dialog-error"), "not JSON");
        b.type(byTestId("dialog-signal-payload"), "{\"approved\": true, \"approver\": \"dora\"}");
        b.click(byTestId("dialog-confirm"));
        b.textContains(byTestId("page-notice"), "Signal decision sent");
        awaitStatus(b, expense, "COMPLETED");
        b.textContains(byTestId("run-output"), "dash-expense approved by dora");
        b.visible(By.cssSelector("[data-testid='signal-row'][data-name='decision']"));
        assertEquals(List.of("signal", "completed"), b.data(byTestId("timeline-bar"), "kind"));
        b.screenshot(SCREENSHOTS, "run-page-expense");

        b.open("#/runs/" + purchase);
        awaitStatus(b, purchase, "SUSPENDED");
        b.click(byTestId("approve-manager"));
        b.type(byTestId("dialog-reason"), "within budget");
        b.confirm();
        b.textContains(byTestId("page-notice"), "Approval manager approved");
        awaitStatus(b, purchase, "COMPLETED");
        b.textContains(byTestId("run-output"), "dash-purchase-o approved by operator");
        assertTrue(b.all(byTestId("approval-row")).isEmpty());

        b.open("#/runs/" + doomed);
        awaitStatus(b, doomed, "SUSPENDED");
        b.click(byTestId("action-cancel"));
        b.confirm();
        awaitStatus(b, doomed, "CANCELLED");
        b.invisible(byTestId("action-cancel"));
        assertEquals("CANCELLED", api.as(OPERATOR).run(doomed).getString("status"));
    }

    @Test
    void a_user_of_another_tenant_sees_none_of_acmes_runs_and_an_admin_sees_both() throws Exception {
        String acme = api.as(OPERATOR).start("order", "dash-acme-own", order("dash-acme-own", "widget", 1));
        String globex = api.as(GLOBEX).start("order", "dash-globex-own", order("dash-globex-own", "widget", 1));
        api.as(OPERATOR).awaitStatus(acme, "COMPLETED");
        api.as(GLOBEX).awaitStatus(globex, "COMPLETED");

        Browser b = browser();
        b.open("#/runs");
        b.type(byTestId("login-user"), GLOBEX.user);
        b.type(byTestId("login-password"), "not-the-password");
        b.click(byTestId("login-submit"));
        b.textContains(byTestId("login-error"), "wrong");

        b.login(GLOBEX.user, GLOBEX.password);
        b.waitUntil(d -> b.data(byTestId("run-row"), "run-id").contains(globex));
        assertEquals(List.of(globex), b.data(byTestId("run-row"), "run-id"), "globex started one run");
        assertEquals("1", b.visible(byTestId("count-ALL")).getDomAttribute("data-count"));

        b.open("#/runs/" + acme);
        b.textContains(byTestId("not-found"), "Run not found");
        assertTrue(b.all(RUN_VIEW).isEmpty());

        b.click(byTestId("logout"));
        b.visible(byTestId("login-form"));
        assertNull(b.script("return sessionStorage.getItem('durable.credentials')"));

        b.login(ADMIN.user, ADMIN.password);
        b.waitUntil(d -> b.data(byTestId("run-row"), "run-id").containsAll(List.of(acme, globex)));
        b.type(byTestId("filter-owner"), GLOBEX.tenant);
        b.click(byTestId("filter-apply"));
        b.waitUntil(d -> b.data(byTestId("run-row"), "run-id").equals(List.of(globex)));
        WebElement owner = b.driver().findElement(By.cssSelector("[data-run-id='" + globex + "'] td:last-child"));
        assertEquals(GLOBEX.tenant, owner.getText());
        assertNotEquals(VIEWER.tenant, GLOBEX.tenant);

        // cursor pages: one run a page, "More" appends the next page
        b.open("#/runs?limit=1");
        b.waitUntil(d -> b.all(byTestId("run-row")).size() == 1 && d.findElement(byTestId("runs-more")).isDisplayed());
        String first = b.data(byTestId("run-row"), "run-id").get(0);
        b.click(byTestId("runs-more"));
        b.waitUntil(d -> b.all(byTestId("run-row")).size() == 2);
        List<String> two = b.data(byTestId("run-row"), "run-id");
        assertEquals(first, two.get(0));
        assertNotEquals(first, two.get(1), "the second page goes on where the first ended");
    }

    private static String order(String orderId, String sku, int quantity) {
        return "{\"orderId\":\"" + orderId + "\",\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"amountCents\":1250}";
    }

    private static int count(Browser b, String status) {
        List<WebElement> chip = b.all(byTestId("count-" + status));
        return chip.isEmpty() ? 0 : Integer.parseInt(chip.get(0).getDomAttribute("data-count"));
    }

    /** Waits until the page of this run shows the status (it refreshes every 2 s while the run is unfinished). */
    private static void awaitStatus(Browser b, String runId, String status) {
        By page = By.cssSelector("[data-testid='run-view'][data-run-id='" + runId + "']");
        b.waitUntil(Browser.UI.multipliedBy(2), d -> status.equals(d.findElement(page).getDomAttribute("data-status")));
    }
}

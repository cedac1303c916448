package io.durable.ops.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardAssetsTest {

    private static final Path SOURCES = Path.of("src/main/resources", DashboardAssets.ROOT);

    private final DashboardAssets assets = DashboardAssets.load(getClass().getClassLoader(), "/shop/api/durable");

    @Test
    void the_list_of_files_is_exactly_what_the_folder_holds() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            Set<String> onDisk = files.filter(Files::isRegularFile)
                    .map(p -> SOURCES.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(onDisk, new TreeSet<>(DashboardAssets.FILES));
        }
    }

    @Test
    void every_module_a_script_imports_is_served() throws IOException {
        Pattern imports = Pattern.compile("from '\\./([a-z-]+\\.js)'");
        for (String name : DashboardAssets.FILES) {
            if (name.endsWith(".js")) {
                Matcher m = imports.matcher(Files.readString(SOURCES.resolve(name)));
                while (m.find()) {
                    assertTrue(DashboardAssets.FILES.contains("js/" + m.group(1)), name + " imports " + m.group(1));
                }
            }
        }
    }

    @Test
    void the_page_names_the_api_base_and_loads_nothing_from_elsewhere() {
        String page = assets.find("index.html").orElseThrow().text();
        assertTrue(page.contains("<meta name=\"durable-api\" content=\"/shop/api/durable\">"), page);
        assertFalse(page.contains(DashboardAssets.API_PLACEHOLDER));
        for (String name : DashboardAssets.FILES) {
            String text = assets.find(name).orElseThrow().text();
            assertFalse(text.matches("(?s).*(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/.*") && !name.equals("index.html"),
                    name + " refers to another host");
            assertFalse(text.contains("innerHTML"), name + " writes HTML from strings");
            assertFalse(text.contains("style=\""), name + " has an inline style the CSP would block");
        }
        assertFalse(page.contains("<script>"), "an inline script the CSP would block");
    }

    @Test
    void an_api_base_is_escaped_in_the_page() {
        assertEquals("<meta content=\"/a&quot;&gt;&lt;b&amp;&#39;\">",
                DashboardAssets.withApiBase("<meta content=\"" + DashboardAssets.API_PLACEHOLDER + "\">", "/a\"><b&'"));
    }

    @Test
    void files_have_their_media_types_and_entity_tags() {
        assertEquals("text/html; charset=utf-8", assets.find("index.html").orElseThrow().contentType());
        assertEquals("text/javascript; charset=utf-8", assets.find("js/main.js").orElseThrow().contentType());
        assertEquals("text/css; charset=utf-8", assets.find("dashboard.css").orElseThrow().contentType());
        assertNotEquals(assets.find("js/main.js").orElseThrow().etag(), assets.find("js/api.js").orElseThrow().etag());
        assertTrue(assets.find("js/main.js").orElseThrow().etag().matches("\"[A-Za-z0-9_-]{22}\""));
    }

    @Test
    void a_request_reaches_only_a_listed_file() {
        assertInstanceOf(Resolution.Redirect.class, Resolution.of(assets, null, null));
        assertEquals("index.html", ((Resolution.Serve) Resolution.of(assets, "/", null)).asset().name());
        assertEquals("js/timeline.js", ((Resolution.Serve) Resolution.of(assets, "/js/timeline.js", null)).asset().name());
        for (String path : new String[] {"/../WEB-INF/web.xml", "/js/../index.html", "/%2e%2e/x", "/js", "/js/",
                "/META-INF/durable-ui/index.html", "//index.html", "/index.html/", "/INDEX.HTML", "/js\\main.js",
                "/io/durable/ops/ui/DashboardServlet.class"}) {
            assertInstanceOf(Resolution.NotFound.class, Resolution.of(assets, path, null), path);
        }
    }

    @Test
    void a_current_copy_is_not_sent_again() {
        String etag = assets.find("dashboard.css").orElseThrow().etag();
        assertInstanceOf(Resolution.NotModified.class, Resolution.of(assets, "/dashboard.css", etag));
        assertInstanceOf(Resolution.NotModified.class, Resolution.of(assets, "/dashboard.css", "\"x\", W/" + etag));
        assertInstanceOf(Resolution.Serve.class, Resolution.of(assets, "/dashboard.css", "\"other\""));
    }

    @Test
    void a_missing_file_fails_the_start_with_its_name() {
        ClassLoader empty = new ClassLoader(null) {
        };
        DashboardConfigurationException e = assertThrows(DashboardConfigurationException.class,
                () -> DashboardAssets.load(empty, "/api/durable"));
        assertTrue(e.getMessage().contains("META-INF/durable-ui/index.html"), e.getMessage());
    }
}

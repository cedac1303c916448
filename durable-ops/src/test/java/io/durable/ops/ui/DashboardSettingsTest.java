package io.durable.ops.ui;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardSettingsTest {

    private static Function<String, Optional<String>> config(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    @Test
    void without_settings_the_dashboard_is_at_durable_ui_and_calls_api_durable() {
        DashboardSettings settings = DashboardSettings.read(config(Map.of()));
        assertTrue(settings.enabled());
        assertEquals("/durable-ui", settings.dashboardPath());
        assertEquals("/api/durable", settings.apiPath());
    }

    @Test
    void paths_are_taken_with_or_without_their_slashes() {
        DashboardSettings settings = DashboardSettings.read(config(Map.of(
                DashboardSettings.DASHBOARD_PATH, " ops/console/ ", DashboardSettings.API_PATH, "/rest/durable/")));
        assertEquals("/ops/console", settings.dashboardPath());
        assertEquals("/rest/durable", settings.apiPath());
    }

    @Test
    void the_dashboard_can_be_switched_off() {
        assertFalse(DashboardSettings.read(config(Map.of(DashboardSettings.ENABLED, "FALSE"))).enabled());
    }

    @Test
    void paths_that_could_escape_or_inject_are_refused_with_the_key_in_the_message() {
        for (String bad : new String[] {"/../admin", "/ui/..", "/a b", "/ui/*", "/ui?x=1", "/ui\"><script>", "//", "/a//b",
                "http://evil.example/api", "/" + "x".repeat(65)}) {
            DashboardConfigurationException e = assertThrows(DashboardConfigurationException.class,
                    () -> DashboardSettings.read(config(Map.of(DashboardSettings.API_PATH, bad))), bad);
            assertTrue(e.getMessage().contains(DashboardSettings.API_PATH), e.getMessage());
        }
    }

    @Test
    void a_flag_that_is_not_a_boolean_is_refused() {
        DashboardConfigurationException e = assertThrows(DashboardConfigurationException.class,
                () -> DashboardSettings.read(config(Map.of(DashboardSettings.ENABLED, "yes"))));
        assertTrue(e.getMessage().contains("true or false"), e.getMessage());
    }

    @Test
    void the_dashboard_and_the_api_cannot_share_a_path() {
        assertThrows(DashboardConfigurationException.class, () -> DashboardSettings.read(config(Map.of(
                DashboardSettings.DASHBOARD_PATH, "/ops", DashboardSettings.API_PATH, "/ops"))));
    }

    @Test
    void without_microprofile_config_system_properties_apply() {
        // this module's tests have the Config API but no implementation: the lookup falls back
        String key = DashboardSettings.DASHBOARD_PATH;
        String before = System.getProperty(key);
        System.setProperty(key, "/from-property");
        try {
            assertEquals("/from-property", DashboardSettings.read(SettingsLookup.of(getClass().getClassLoader()))
                    .dashboardPath());
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }
}

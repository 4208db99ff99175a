package org.alcove.server.ops;

import org.alcove.server.config.AlcoveConfig;
import org.alcove.server.config.ConfigException;
import org.alcove.server.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpsConfigTest {

    @Test
    void defaults_are_text_logs_a_short_drain_a_bounded_shutdown_and_open_metrics() {
        AlcoveConfig.Ops ops = ConfigLoader.load(Map.of(), Map.of()).ops();
        assertEquals(new AlcoveConfig.Ops(AlcoveConfig.LogFormat.text, Duration.ofSeconds(5), Duration.ofSeconds(15),
                true, null), ops);
    }

    @Test
    void environment_variables_set_every_operations_setting() {
        AlcoveConfig.Ops ops = ConfigLoader.load(Map.of("ALCOVE_LOG_FORMAT", "JSON", "ALCOVE_OPS_DRAIN_PERIOD", "PT1S",
                "ALCOVE_OPS_SHUTDOWN_TIMEOUT", "PT30S", "ALCOVE_OPS_METRICS_ENABLED", "false",
                "ALCOVE_OPS_METRICS_TOKEN", "t0ken"), Map.of()).ops();
        assertEquals(new AlcoveConfig.Ops(AlcoveConfig.LogFormat.json, Duration.ofSeconds(1), Duration.ofSeconds(30),
                false, "t0ken"), ops);
    }

    @Test
    void rejects_an_unknown_log_format_or_switch_value_naming_the_variable() {
        ConfigException format = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("ALCOVE_LOG_FORMAT", "xml"), Map.of()));
        assertTrue(format.getMessage().contains("ALCOVE_LOG_FORMAT"), format.getMessage());
        ConfigException enabled = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Map.of("ALCOVE_OPS_METRICS_ENABLED", "yes"), Map.of()));
        assertTrue(enabled.getMessage().contains("ALCOVE_OPS_METRICS_ENABLED"), enabled.getMessage());
    }
}

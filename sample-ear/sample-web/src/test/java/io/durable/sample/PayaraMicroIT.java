package io.durable.sample;

import io.durable.sample.portable.PortableSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** The sample WAR on a real Payara Micro process passes the {@link PortableSuite}. */
class PayaraMicroIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void the_war_passes_the_portable_suite() throws Exception {
        try (PayaraMicroProcess server = new PayaraMicroProcess(folder, List.of())) {
            PortableSuite.run(server);
        }
    }
}

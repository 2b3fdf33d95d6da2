package io.github.cameliot.cloudapi.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogCaptureTest {

    private static final Logger LOG = LoggerFactory.getLogger(LogCaptureTest.class);

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @Test
    void recordsEveryLevelAndExceptionsWhileOpen() {
        LOG.trace("trace {}", 1);
        LOG.debug("debug {}", 2);
        LOG.warn("failed", new IllegalStateException("boom"));

        assertThat(logs.lines()).hasSize(3);
        assertThat(logs.lines().get(0)).isEqualTo("trace 1");
        assertThat(logs.lines().get(1)).isEqualTo("debug 2");
        assertThat(logs.lines().get(2))
                .startsWith("failed")
                .contains("java.lang.IllegalStateException: boom")
                .contains("at io.github.cameliot.cloudapi.test.LogCaptureTest.recordsEveryLevelAndExceptionsWhileOpen");
    }

    @Test
    void restoresTheLevelsAndStopsRecordingWhenClosed() {
        try (LogCapture block = LogCapture.start()) {
            LOG.debug("inside");
            assertThat(block.lines()).containsExactly("inside");
            block.close();
            LOG.info("outside");
            assertThat(block.lines()).containsExactly("inside");
        }
        // the extension's own capture is still open, and so is the TRACE level
        assertThat(logs.lines()).containsExactly("inside", "outside");
        logs.close();
        assertThat(LogManager.getRootLogger().getLevel()).isEqualTo(Level.INFO);
        assertThat(LOG.isDebugEnabled()).isFalse();
        logs.clear();
        LOG.warn("after");
        assertThat(logs.lines()).isEmpty();
    }
}

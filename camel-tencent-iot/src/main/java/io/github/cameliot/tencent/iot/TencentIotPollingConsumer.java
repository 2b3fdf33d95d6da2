package io.github.cameliot.tencent.iot;

import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * The life cycle the {@code shadow} and {@code devices} pollers share: their {@link TencentIotPolling} is set up when
 * the consumer is initialized, and checked (client, state repository) before the first poll is scheduled.
 */
abstract class TencentIotPollingConsumer extends ScheduledPollConsumer {

    protected TencentIotPolling polling;

    TencentIotPollingConsumer(TencentIotEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public TencentIotEndpoint getEndpoint() {
        return (TencentIotEndpoint) super.getEndpoint();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        polling = new TencentIotPolling(getEndpoint());
    }

    @Override
    protected void doStart() throws Exception {
        polling.start();
        super.doStart();
    }
}

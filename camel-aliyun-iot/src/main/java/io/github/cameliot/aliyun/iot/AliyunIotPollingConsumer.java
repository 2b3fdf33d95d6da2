package io.github.cameliot.aliyun.iot;

import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * The life cycle the {@code shadow}, {@code property} and {@code event} pollers share: their {@link AliyunIotPolling}
 * is set up (and the options checked) when the consumer is initialized, and the client and state repository are
 * checked before the first poll is scheduled.
 */
abstract class AliyunIotPollingConsumer extends ScheduledPollConsumer {

    protected AliyunIotPolling polling;

    AliyunIotPollingConsumer(AliyunIotEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public AliyunIotEndpoint getEndpoint() {
        return (AliyunIotEndpoint) super.getEndpoint();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        polling = new AliyunIotPolling(getEndpoint());
    }

    @Override
    protected void doStart() throws Exception {
        polling.start();
        super.doStart();
    }
}

package io.github.cameliot.tencent.iot;

import java.util.concurrent.Semaphore;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Receives what an IoT Hub rule's {@code forward} action posts, on the runtime's platform-http server (Camel Main,
 * Spring Boot, Quarkus: whatever engine is on the class path). A request is checked before the route sees it:
 * signature (when a token is configured), timestamp, size and the number in flight. The HTTP answer is given only
 * when the route has finished with the message: 200 (with an empty body, whatever the route left in the message) when
 * it succeeded, 500 when it failed, so IoT Hub never counts as delivered what was not processed, nor re-posts what was.
 */
public class TencentIotForwardConsumer extends DefaultConsumer {

    private Consumer http;

    public TencentIotForwardConsumer(TencentIotEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public TencentIotEndpoint getEndpoint() {
        return (TencentIotEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        TencentIotConfiguration configuration = getEndpoint().getConfiguration();
        // muteException: a failed route answers 500 with an empty body, never the exception's text
        Endpoint platformHttp = getEndpoint().getCamelContext()
                .getEndpoint("platform-http:" + configuration.getPath() + "?httpMethodRestrict=GET,POST&muteException=true");
        http = platformHttp.createConsumer(new ForwardRequestProcessor(configuration, getAsyncProcessor()));
        ServiceHelper.startService(http);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopAndShutdownService(http);
        http = null;
        super.doStop();
    }

    /** Checks the request, hands it to the route and answers when the route is done. */
    static final class ForwardRequestProcessor extends AsyncProcessorSupport {

        private final TencentIotConfiguration configuration;
        private final AsyncProcessor route;
        private final Semaphore inFlight;

        ForwardRequestProcessor(TencentIotConfiguration configuration, AsyncProcessor route) {
            this.configuration = configuration;
            this.route = route;
            this.inFlight = new Semaphore(configuration.getMaxInFlight());
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            Message message = exchange.getMessage();
            ForwardRequest request = ForwardRequest.of(message, configuration, System.currentTimeMillis());
            if (request.refusal() != null) {
                answer(message, request.refusal().status(), request.refusal().reason());
                callback.done(true);
                return true;
            }
            if (request.echo() != null) {
                answer(message, 200, request.echo());
                callback.done(true);
                return true;
            }
            if (!inFlight.tryAcquire()) {
                answer(message, 503, "too many requests in flight");
                callback.done(true);
                return true;
            }
            request.prepare(message);
            return route.process(exchange, doneSync -> {
                inFlight.release();
                if (!exchange.isFailed()) {
                    // IoT Hub reads only the status: what the route left in the message (a body with no HTTP form,
                    // headers) must not turn a processed message into a failed answer, which IoT Hub would re-post
                    answer(exchange.getMessage(), 200, "");
                }
                callback.done(doneSync);
            });
        }

        private static void answer(Message message, int status, String body) {
            message.removeHeaders("*");
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            message.setBody(body);
        }
    }
}

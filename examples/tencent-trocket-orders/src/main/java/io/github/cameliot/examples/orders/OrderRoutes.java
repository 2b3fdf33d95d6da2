package io.github.cameliot.examples.orders;

import java.util.List;

import io.github.cameliot.tencent.trocket.TencentTrocketConstants;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Orders through a TDMQ RocketMQ topic. {@code direct:order} sends an order (its id as the message key); the consumer
 * processes each order once its exchange completes, and only then is the message acknowledged. One order's first
 * attempt fails, as a payment service that is briefly down would make it: the message is not acknowledged, and the
 * broker delivers it again after {@code retryDelay}. The endpoints name the instance, the role and the consumer group;
 * the access point and the role's keys are looked up through the management API, whose address and keys are the
 * component's options, from {@code application.properties} (or the embedded cloud).
 */
final class OrderRoutes extends RouteBuilder {

    static final String LOG = "orders";

    private final Tally tally;

    OrderRoutes(Tally tally) {
        this.tally = tally;
    }

    @Override
    public void configure() {
        String topic = "tencent-trocket:topic:{{orders.topic}}?instanceId={{orders.instanceId}}&role={{orders.role}}";

        // a failed order is logged in one line and left to the consumer, which does not acknowledge it
        errorHandler(defaultErrorHandler().logExhausted(false));
        onException(PaymentUnavailableException.class)
                .process(exchange -> tally.failed())
                .log(LoggingLevel.WARN, LOG, "${header.orderId} failed (${exception.message}): "
                                             + "it will be delivered again");

        from("direct:order").routeId("send")
                .setHeader(TencentTrocketConstants.KEYS, header("orderId"))
                .setHeader(TencentTrocketConstants.TAG, constant("created"))
                .to(topic)
                .process(exchange -> tally.sent())
                .log(LoggingLevel.INFO, LOG, "sent ${header.orderId} as ${header.CamelTencentTrocketMessageId}");

        from(topic + "&consumerGroup={{orders.consumerGroup}}&retryDelay={{orders.retryDelay}}"
             + "&awaitDuration={{orders.awaitDuration}}").routeId("process")
                .process(OrderRoutes::orderId)
                .log(LoggingLevel.INFO, LOG, "received ${header.orderId}, delivery attempt "
                                             + "${header.CamelTencentTrocketDeliveryAttempt}: ${body}")
                .process(this::charge)
                .log(LoggingLevel.INFO, LOG, "processed ${header.orderId}");
    }

    /** The order's id, from the message's keys. */
    private static void orderId(Exchange exchange) {
        List<?> keys = exchange.getMessage().getHeader(TencentTrocketConstants.KEYS, List.class);
        exchange.getMessage().setHeader("orderId", keys == null || keys.isEmpty() ? "?" : keys.get(0));
    }

    /** Charges the order; the payment service is unavailable on the first attempt of {@code orders.failing}. */
    private void charge(Exchange exchange) {
        String orderId = exchange.getMessage().getHeader("orderId", String.class);
        int attempt = exchange.getMessage().getHeader(TencentTrocketConstants.DELIVERY_ATTEMPT, 1, Integer.class);
        if (attempt == 1 && orderId.equals(exchange.getContext().resolvePropertyPlaceholders("{{orders.failing}}"))) {
            throw new PaymentUnavailableException("the payment service is unavailable");
        }
        tally.processed(orderId, attempt);
    }

    /** A failure worth trying again later. */
    static final class PaymentUnavailableException extends RuntimeException {
        PaymentUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}

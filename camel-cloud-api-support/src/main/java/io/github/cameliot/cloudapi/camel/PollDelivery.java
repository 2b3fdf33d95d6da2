package io.github.cameliot.cloudapi.camel;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.DefaultConsumer;

/**
 * How a poller hands one change to its route: synchronously, and it learns whether the route succeeded, which alone
 * lets it advance its cursor or stored state.
 */
public final class PollDelivery {

    private PollDelivery() {
    }

    /**
     * Has the route process one exchange and says whether it succeeded. A failed exchange (an exception, or marked
     * rollback-only) goes to the consumer's exception handler; the caller then leaves its state as it was, so that
     * the same change is delivered again on the next poll.
     *
     * @param what describes the exchange in the exception handler's message
     */
    public static boolean deliver(DefaultConsumer consumer, Map<String, Object> headers, Object body, String what) {
        Exchange exchange = consumer.createExchange(false);
        try {
            Message message = exchange.getMessage();
            headers.forEach(message::setHeader);
            message.setBody(body);
            try {
                consumer.getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                consumer.getExceptionHandler().handleException(
                        "Failed to process " + what + "; it is delivered again on the next poll", exchange,
                        exchange.getException());
                return false;
            }
            if (exchange.isRollbackOnly() || exchange.isRollbackOnlyLast()) {
                consumer.getExceptionHandler().handleException(
                        "The route rolled back " + what + "; it is delivered again on the next poll", exchange,
                        new RuntimeCamelException("Rolled back: " + what));
                return false;
            }
            return true;
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }
}

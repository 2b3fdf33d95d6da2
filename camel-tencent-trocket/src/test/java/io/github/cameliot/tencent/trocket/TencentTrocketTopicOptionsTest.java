package io.github.cameliot.tencent.trocket;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the producer sends and the consumer gives the route: headers, filters, delay; against the real broker. */
class TencentTrocketTopicOptionsTest extends RocketMqTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void headersGoThroughAndTheTagFilterChooses() throws Exception {
        String topic = unique("headers");
        server().createTopic(topic, "NORMAL", 1);
        String group = unique("g-tag");
        server().createGroup(group, 16, false);
        Map<String, Message> received = new ConcurrentHashMap<>();
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from(topicUri(topic, "consumerGroup=" + group + "&filterExpression=TagA||TagC"))
                        .process(e -> received.put(e.getMessage().getBody(String.class), e.getMessage().copy()));
            }
        });
        long before = System.currentTimeMillis();
        List<String> ids = new java.util.ArrayList<>();
        ids.addAll(sendAll(context, topicUri(topic, ""), List.of("first"), Map.of(TencentTrocketConstants.TAG, "TagA",
                TencentTrocketConstants.KEYS, "k1, k2", TencentTrocketConstants.PROPERTIES, Map.of("region", "eu", "n", 7))));
        ids.addAll(sendAll(context, topicUri(topic, "tag=TagB"), List.of("skipped"), Map.of()));
        ids.addAll(sendAll(context, topicUri(topic, "tag=TagC"), List.of("last"),
                Map.of(TencentTrocketConstants.KEYS, List.of("k3"))));
        // one queue: "skipped" sits between the two others, so it would have come before "last"
        await("the TagA and TagC messages", WAIT, () -> received.containsKey("first") && received.containsKey("last"),
                received::keySet);
        assertThat(received).doesNotContainKey("skipped");

        Message first = received.get("first");
        assertThat(first.getHeader(TencentTrocketConstants.MESSAGE_ID)).isEqualTo(ids.get(0));
        assertThat(first.getHeader(TencentTrocketConstants.TOPIC)).isEqualTo(topic);
        assertThat(first.getHeader(TencentTrocketConstants.TAG)).isEqualTo("TagA");
        assertThat(first.getHeader(TencentTrocketConstants.KEYS, List.class)).containsExactlyInAnyOrder("k1", "k2");
        assertThat(first.getHeader(TencentTrocketConstants.PROPERTIES, Map.class)).containsEntry("region", "eu")
                .containsEntry("n", "7");
        assertThat(first.getHeader(TencentTrocketConstants.BORN_TIMESTAMP, Long.class)).isBetween(before - 1000,
                System.currentTimeMillis());
        assertThat(first.getHeader(TencentTrocketConstants.BORN_HOST, String.class)).isNotBlank();
        assertThat(first.getHeader(TencentTrocketConstants.DELIVERY_ATTEMPT)).isEqualTo(1);
        assertThat(first.getBody()).isInstanceOf(byte[].class);
        Message last = received.get("last");
        assertThat(last.getHeader(TencentTrocketConstants.TAG)).isEqualTo("TagC");
        assertThat(last.getHeader(TencentTrocketConstants.KEYS, List.class)).containsExactly("k3");
        assertThat(last.getHeader(TencentTrocketConstants.MESSAGE_ID)).isEqualTo(ids.get(2));
    }

    @Test
    void theSql92FilterChoosesByProperties() throws Exception {
        String topic = unique("sql");
        server().createTopic(topic, "NORMAL", 1);
        String group = unique("g-sql");
        server().createGroup(group, 16, false);
        Map<String, Message> received = new ConcurrentHashMap<>();
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from(topicUri(topic, "consumerGroup=" + group + "&filterExpressionType=SQL92"
                                     + "&filterExpression=RAW(region = 'eu' AND temperature > 30)"))
                        .process(e -> received.put(e.getMessage().getBody(String.class), e.getMessage().copy()));
            }
        });
        sendAll(context, topicUri(topic, ""), List.of("hot-eu"),
                Map.of(TencentTrocketConstants.PROPERTIES, Map.of("region", "eu", "temperature", "35")));
        sendAll(context, topicUri(topic, ""), List.of("cold-eu"),
                Map.of(TencentTrocketConstants.PROPERTIES, Map.of("region", "eu", "temperature", "10")));
        sendAll(context, topicUri(topic, ""), List.of("hot-us"),
                Map.of(TencentTrocketConstants.PROPERTIES, Map.of("region", "us", "temperature", "40")));
        sendAll(context, topicUri(topic, ""), List.of("hot-eu-2"),
                Map.of(TencentTrocketConstants.PROPERTIES, Map.of("region", "eu", "temperature", "31")));
        await("the hot eu messages", WAIT, () -> received.containsKey("hot-eu") && received.containsKey("hot-eu-2"),
                received::keySet);
        assertThat(received.keySet()).containsExactlyInAnyOrder("hot-eu", "hot-eu-2");
    }

    @Test
    void aDelayedMessageComesAtItsTime() throws Exception {
        String topic = unique("delay");
        server().createTopic(topic, "DELAY", 1);
        String group = unique("g-delay");
        server().createGroup(group, 16, false);
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        Map<String, Message> received = new ConcurrentHashMap<>();
        CamelContext context = context(new RouteBuilder() {
            @Override
            public void configure() {
                from(topicUri(topic, "consumerGroup=" + group)).process(e -> {
                    receivedAt.put(e.getMessage().getBody(String.class), System.currentTimeMillis());
                    received.put(e.getMessage().getBody(String.class), e.getMessage().copy());
                });
            }
        });
        long sentAt = System.currentTimeMillis();
        sendAll(context, topicUri(topic, ""), List.of("later"), Map.of(TencentTrocketConstants.DELIVERY_DELAY, 3000L));
        long at = System.currentTimeMillis() + 3000;
        sendAll(context, topicUri(topic, ""), List.of("at"), Map.of(TencentTrocketConstants.DELIVERY_TIMESTAMP, at));
        await("the delayed messages", WAIT, () -> receivedAt.size() == 2, receivedAt::keySet);
        // the timer wheel's precision is one second
        assertThat(receivedAt.get("later")).isGreaterThanOrEqualTo(sentAt + 3000 - 1000);
        assertThat(receivedAt.get("at")).isGreaterThanOrEqualTo(at - 1000);
        assertThat(received.get("at").getHeader(TencentTrocketConstants.DELIVERY_TIMESTAMP)).isEqualTo(at);
    }

    @Test
    void aProducerOfAMissingTopicDoesNotStart() throws Exception {
        CamelContext context = context(null);
        String topic = unique("missing");
        // the client fetches the topic's route when it starts
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> context.createProducerTemplate().sendBody(topicUri(topic, ""), "x"))
                .hasStackTraceContaining(topic);
    }
}

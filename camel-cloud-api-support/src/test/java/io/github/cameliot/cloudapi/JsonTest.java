package io.github.cameliot.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class JsonTest {

    static final String JSON = "{\"ProductId\":\"RL0BAZKZ6V\",\"Id\":123456789012345678,\"Negative\":-9223372036854775808,"
                               + "\"Ratio\":0.1,\"Tags\":[{\"Tag\":\"a\"}],\"On\":true}";

    @Test
    void wholeNumbersAreReadFromNumbersAndText() {
        assertThat(Json.toLong(1540115950228L)).isEqualTo(1540115950228L);
        assertThat(Json.toLong(" 1540115950228 ")).isEqualTo(1540115950228L);
        assertThat(Json.toLong(7)).isEqualTo(7L);
        assertThat(Json.toLong("1540115950228L")).isNull();
        assertThat(Json.toLong("")).isNull();
        assertThat(Json.toLong(null)).isNull();
        assertThat(Json.toLong(true)).isNull();
    }

    @Test
    void fromMapCopiesWithStringKeys() {
        Map<Object, Object> body = new LinkedHashMap<>();
        body.put("ProductId", "P");
        body.put(7, "seven");

        Map<String, Object> parameters = Json.toParameters(body);

        assertThat(parameters).containsExactly(Map.entry("ProductId", "P"), Map.entry("7", "seven"));
        parameters.put("DeviceName", "d");
        assertThat(body).hasSize(2);
    }

    @Test
    void fromJsonStringBytesAndNodeKeepNamesOrderAndBigNumbers() throws Exception {
        JsonNode node = Json.MAPPER.readTree(JSON);
        for (Object body : List.of(JSON, JSON.getBytes(StandardCharsets.UTF_8), node)) {
            Map<String, Object> parameters = Json.toParameters(body);

            assertThat(parameters.keySet()).as(body.getClass().getSimpleName())
                    .containsExactly("ProductId", "Id", "Negative", "Ratio", "Tags", "On");
            assertThat(parameters.get("Id")).isEqualTo(123456789012345678L);
            assertThat(parameters.get("Negative")).isEqualTo(Long.MIN_VALUE);
            assertThat(parameters.get("Ratio")).isEqualTo(new BigDecimal("0.1"));
            assertThat(parameters.get("Tags")).isEqualTo(List.of(Map.of("Tag", "a")));
            assertThat(parameters.get("On")).isEqualTo(true);
            assertThat(new String(Json.write(parameters), StandardCharsets.UTF_8)).isEqualTo(JSON);
            parameters.put("Extra", 1);
        }
        Map<String, Object> small = Json.toParameters("{\"Qos\":1}");
        assertThat(small.get("Qos")).isInstanceOf(Integer.class).isEqualTo(1);
    }

    /**
     * Tencent's Integer is "up to unsigned 64-bit" (api-notes 000, section 1), and the class says large integers are
     * read as long or BigInteger. Disabled: {@code Json.MAPPER} enables {@code USE_LONG_FOR_INTS}, with which Jackson
     * 2.19 throws InputCoercionException for any integer beyond the long range instead of giving a BigInteger.
     */
    @Test
    void integersBeyondLongAreReadAsBigInteger() throws Exception {
        String json = "{\"Huge\":18446744073709551615}";

        assertThat(Json.toParameters(json).get("Huge")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(Json.readMap(json.getBytes(StandardCharsets.UTF_8)).get("Huge")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(Json.toParameters(Json.MAPPER.readTree(json)).get("Huge")).isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void fromPojo() {
        Map<String, Object> parameters = Json.toParameters(new Publish("P/d/data", 1, 123456789012345678L));

        assertThat(parameters).containsExactly(
                Map.entry("Topic", "P/d/data"), Map.entry("Qos", 1), Map.entry("MessageId", 123456789012345678L));
    }

    @Test
    void nullAndBlankAreNoParameters() {
        assertThat(Json.toParameters(null)).isEmpty();
        assertThat(Json.toParameters("  ")).isEmpty();
        assertThat(Json.toParameters(new byte[0])).isEmpty();
        Json.toParameters(null).put("Added", 1);
    }

    @Test
    void notAnObjectIsRejected() {
        assertThatThrownBy(() -> Json.toParameters(List.of(1, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a");
        assertThatThrownBy(() -> Json.toParameters(42)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.toParameters("[1,2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.toParameters("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.toParameters("[1]".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The wire names are the cloud's: a POJO spells them with {@link JsonProperty}. */
    static final class Publish {
        @JsonProperty("Topic")
        final String topic;
        @JsonProperty("Qos")
        final int qos;
        @JsonProperty("MessageId")
        final long messageId;

        Publish(String topic, int qos, long messageId) {
            this.topic = topic;
            this.qos = qos;
            this.messageId = messageId;
        }
    }
}

/**
 * The emulated Tencent Cloud IoT Hub (API {@code iotcloud} 2021-04-08).
 * <p>
 * <b>API.</b> All 39 documented actions answer at {@link io.github.cameliot.emulator.tencent.iothub.IotHubEmulator#url()},
 * signed with TC3-HMAC-SHA256 for the service {@code iotcloud} with the emulator's key. Products, devices, shadows,
 * messages, gateway bindings, topic policies, topic rules and firmware task cancellation keep state with the
 * documented error codes; the private CA and resource file actions answer their documented examples for existing
 * products. Actions that only the API's change history names (ListTopicRules, PublishBroadcastMessage,
 * UploadFirmware, ...) are not documented and answer {@code InvalidAction}.
 * <p>
 * <b>Devices.</b> {@link io.github.cameliot.emulator.tencent.iothub.SimulatedDevice} stands for a device's MQTT
 * connection: connect, publish (which runs the rules), report the shadow, receive, answer RRPC, report firmware
 * progress. {@link io.github.cameliot.emulator.tencent.iothub.Fleet} makes many devices publish periodically.
 * <p>
 * <b>Rules.</b> {@code TopicRulePayload.Sql} (base64) supports {@code SELECT *}, fields, {@code topic()},
 * {@code productid()}, {@code devicename()}, {@code timestamp()}, {@code AS}, a FROM topic filter with {@code +} and
 * {@code #}, and {@code WHERE} comparisons joined by {@code AND}. Actions: {@code forward} (HTTP POST with
 * {@code Signature}/{@code Timestamp}/{@code Nonce}, retried), {@code republish}, and {@code tdmq} (to the
 * {@link io.github.cameliot.emulator.tencent.iothub.RocketMqTarget}); {@code ckafka}, {@code cmqueue} and
 * {@code mysql} are accepted and not carried out.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CloudEmulatorExtension CLOUD = new CloudEmulatorExtension();
 *
 * @Test
 * void route() {
 *     IotHubEmulator iotHub = CLOUD.emulator().iotHub();
 *     String productId = iotHub.createProduct("ABCDE12345", "meters", null);
 *     SimulatedDevice dev1 = iotHub.createDevice(productId, "dev1").connect();
 *     // the route under test: "tencent-iot:PublishMessage?region=ap-guangzhou&endpoint=" + iotHub.url()
 *     //     + "&secretId=" + CLOUD.emulator().credentials().tencentSecretId() + "&secretKey=..."
 *     ...
 *     assertThat(dev1.received()).extracting(DeviceMessage::text).containsExactly("{\"switch\":\"on\"}");
 * }
 * }</pre>
 */
package io.github.cameliot.emulator.tencent.iothub;

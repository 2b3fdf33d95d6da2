package io.github.cameliot.emulator.tencent.trocket;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * The access points of the MQTT instances: DescribeMQTTInsVPCEndpoints, DescribeMQTTInsPublicEndpoints and
 * Create/Modify/DeleteMQTTInsPublicEndpoint. The emulator runs no MQTT broker of its own: the instances' endpoints
 * are the TCP address of the broker the user puts behind the emulator ({@link TrocketEmulator#useMqttBroker}), and
 * none when there is none.
 */
final class MqttEndpointActions {

    private final InstanceStore<MqttInstance> instances;
    private final Supplier<InetSocketAddress> broker;

    MqttEndpointActions(TrocketAccount account, Supplier<InetSocketAddress> broker) {
        this.instances = account.mqtt;
        this.broker = broker;
    }

    void register(ApiServer server) {
        server.handle("DescribeMQTTInsVPCEndpoints", this::describeVpc)
                .handle("DescribeMQTTInsPublicEndpoints", this::describePublic)
                .handle("CreateMQTTInsPublicEndpoint", this::createPublic)
                .handle("ModifyMQTTInsPublicEndpoint", this::modifyPublic)
                .handle("DeleteMQTTInsPublicEndpoint", this::deletePublic);
    }

    private ObjectNode describeVpc(ApiCall call) {
        return instances.inInstance(call.text("InstanceId"), instance -> {
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.set("Endpoints", endpoints(true));
            return answer;
        });
    }

    private ObjectNode describePublic(ApiCall call) {
        return instances.inInstance(call.text("InstanceId"), instance -> {
            MqttInstance.PublicEndpoint open = instance.publicEndpoint;
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.set("Endpoints", open == null ? JsonNodeFactory.instance.arrayNode() : endpoints(false));
            answer.put("InstanceId", instance.id);
            answer.put("Bandwidth", open == null ? 0 : open.bandwidth());
            answer.set("Rules", open == null ? JsonNodeFactory.instance.arrayNode() : open.rules().deepCopy());
            answer.put("Status", open == null ? "CLOSE" : "NORMAL");
            return answer;
        });
    }

    private ObjectNode createPublic(ApiCall call) {
        MqttInstance.PublicEndpoint endpoint = endpoint(call);
        instances.inInstance(call.text("InstanceId"), instance -> {
            if (instance.publicEndpoint != null) {
                throw new ApiError("FailedOperation", "The instance " + instance.id
                        + " has a public endpoint already.");
            }
            instance.publicEndpoint = endpoint;
            return instance;
        });
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode modifyPublic(ApiCall call) {
        MqttInstance.PublicEndpoint endpoint = endpoint(call);
        instances.inInstance(call.text("InstanceId"), instance -> {
            requireOpen(instance);
            instance.publicEndpoint = endpoint;
            return instance;
        });
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode deletePublic(ApiCall call) {
        instances.inInstance(call.text("InstanceId"), instance -> {
            requireOpen(instance);
            instance.publicEndpoint = null;
            return instance;
        });
        return JsonNodeFactory.instance.objectNode();
    }

    private static void requireOpen(MqttInstance instance) {
        if (instance.publicEndpoint == null) {
            throw new ApiError("FailedOperation", "The instance " + instance.id + " has no public endpoint.");
        }
    }

    private static MqttInstance.PublicEndpoint endpoint(ApiCall call) {
        int bandwidth = Params.integer(call, "Bandwidth", null);
        if (bandwidth < 1) {
            throw Params.invalid(call, "Bandwidth", "at least 1 Mbps");
        }
        ArrayNode rules = JsonNodeFactory.instance.arrayNode();
        for (JsonNode rule : call.params().path("Rules")) {
            ObjectNode copy = rules.addObject();
            copy.put("IpRule", rule.path("IpRule").asText());
            copy.put("Allow", rule.path("Allow").asBoolean());
            copy.put("Remark", rule.path("Remark").asText());
        }
        return new MqttInstance.PublicEndpoint(bandwidth, rules);
    }

    /** The broker's TCP endpoint (MQTTEndpointItem), or none without a broker. */
    private ArrayNode endpoints(boolean vpc) {
        ArrayNode endpoints = JsonNodeFactory.instance.arrayNode();
        InetSocketAddress address = broker.get();
        if (address != null) {
            ObjectNode tcp = endpoints.addObject();
            tcp.put("Type", "mqtt-tcp");
            tcp.put("Host", address.getHostString());
            tcp.put("Port", address.getPort());
            tcp.put("Ip", address.getHostString());
            tcp.put("Url", address.getHostString() + ":" + address.getPort());
            tcp.put("VpcId", vpc ? "vpc-emulator" : null);
            tcp.put("SubnetId", vpc ? "subnet-emulator" : null);
        }
        return endpoints;
    }
}

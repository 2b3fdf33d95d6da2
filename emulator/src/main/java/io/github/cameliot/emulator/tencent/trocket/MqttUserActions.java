package io.github.cameliot.emulator.tencent.trocket;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * The users of an MQTT instance: CreateMQTTUser (a password generated when the call gives none), DescribeMQTTUserList
 * (passwords in plain text, where the component's mqtt endpoints find their login), ModifyMQTTUser and DeleteMQTTUser.
 */
final class MqttUserActions {

    private final TrocketAccount account;

    MqttUserActions(TrocketAccount account) {
        this.account = account;
    }

    void register(ApiServer server) {
        server.handle("CreateMQTTUser", this::create)
                .handle("DescribeMQTTUserList", this::list)
                .handle("ModifyMQTTUser", this::modify)
                .handle("DeleteMQTTUser", this::delete);
    }

    private ObjectNode create(ApiCall call) {
        String username = call.text("Username");
        String password = call.text("Password");
        long now = account.millis();
        MqttInstance.User user = new MqttInstance.User(username,
                password == null || password.isEmpty() ? account.newPassword() : password,
                Params.bool(call, "PermRead", null), Params.bool(call, "PermWrite", null),
                Params.text(call, "Remark", ""), now, now);
        account.mqtt.inInstance(call.text("InstanceId"), instance -> {
            if (instance.users.containsKey(username)) {
                throw new ApiError(TrocketAccount.ALREADY_EXISTS, "The user " + username + " exists already.");
            }
            return instance.users.put(username, user);
        });
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode list(ApiCall call) {
        ListQuery query = ListQuery.of(call);
        List<ObjectNode> matching = account.mqtt.inInstance(call.text("InstanceId"), instance -> instance.users
                .values().stream().filter(user -> query.fuzzy("Username", user.username()))
                .map(MqttUserActions::item).toList());
        return query.page(matching, "Data");
    }

    private ObjectNode modify(ApiCall call) {
        boolean read = Params.bool(call, "PermRead", null);
        boolean write = Params.bool(call, "PermWrite", null);
        account.mqtt.inInstance(call.text("InstanceId"), instance -> {
            MqttInstance.User user = user(instance, call.text("Username"));
            return instance.users.put(user.username(), new MqttInstance.User(user.username(), user.password(), read,
                    write, Params.text(call, "Remark", user.remark()), user.createdTime(), account.millis()));
        });
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode delete(ApiCall call) {
        account.mqtt.inInstance(call.text("InstanceId"), instance -> instance.users.remove(user(instance,
                call.text("Username")).username()));
        return JsonNodeFactory.instance.objectNode();
    }

    /** An unknown user is refused as the doc's DeleteMQTTUser errors say: a role that does not exist. */
    private static MqttInstance.User user(MqttInstance instance, String username) {
        MqttInstance.User user = instance.users.get(username);
        if (user == null) {
            throw new ApiError(TrocketAccount.ROLE_NOT_FOUND, "The user " + username + " does not exist in the "
                    + "instance " + instance.id + ".");
        }
        return user;
    }

    private static ObjectNode item(MqttInstance.User user) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("Username", user.username());
        item.put("Password", user.password());
        item.put("PermRead", user.permRead());
        item.put("PermWrite", user.permWrite());
        item.put("Remark", user.remark());
        item.put("CreatedTime", user.createdTime());
        item.put("ModifiedTime", user.modifiedTime());
        return item;
    }
}

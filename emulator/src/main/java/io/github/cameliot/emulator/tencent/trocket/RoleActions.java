package io.github.cameliot.emulator.tencent.trocket;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiCall;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/**
 * CreateRole, DescribeRoleList, ModifyRole and DeleteRole: each role gets an AccessKey and SecretKey of its own,
 * which DescribeRoleList answers and the component's topic endpoints sign their RocketMQ calls with. (The RocketMQ
 * behind the emulator runs without ACL, so it accepts any keys.)
 */
final class RoleActions {

    private final TrocketAccount account;

    RoleActions(TrocketAccount account) {
        this.account = account;
    }

    void register(ApiServer server) {
        server.handle("CreateRole", this::create)
                .handle("DescribeRoleList", this::list)
                .handle("ModifyRole", this::modify)
                .handle("DeleteRole", this::delete);
    }

    private ObjectNode create(ApiCall call) {
        String name = call.text("Role");
        long now = account.millis();
        RocketMqInstance.Role role = new RocketMqInstance.Role(name, Params.text(call, "Remark", ""),
                Params.bool(call, "PermRead", null), Params.bool(call, "PermWrite", null), account.newAccessKey(),
                account.newSecretKey(), now, now);
        account.rocketMq.inInstance(call.text("InstanceId"), instance -> {
            if (instance.roles.containsKey(name)) {
                throw new ApiError(TrocketAccount.ALREADY_EXISTS, "The role " + name + " exists already.");
            }
            if (instance.roles.size() >= RocketMqInstance.ROLE_NUM_LIMIT) {
                throw new ApiError("OperationDenied", "The instance " + instance.id + " has reached its limit of "
                        + RocketMqInstance.ROLE_NUM_LIMIT + " roles.");
            }
            return instance.roles.put(name, role);
        });
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("Role", name);
        return answer;
    }

    private ObjectNode list(ApiCall call) {
        ListQuery query = ListQuery.of(call);
        List<ObjectNode> matching = account.rocketMq.inInstance(call.text("InstanceId"),
                instance -> instance.roles.values().stream().filter(role -> query.fuzzy("RoleName", role.name())).map(RoleActions::item).toList());
        return query.page(matching, "Data");
    }

    private ObjectNode modify(ApiCall call) {
        boolean read = Params.bool(call, "PermRead", null);
        boolean write = Params.bool(call, "PermWrite", null);
        account.rocketMq.inInstance(call.text("InstanceId"), instance -> {
            RocketMqInstance.Role role = role(instance, call.text("Role"));
            return instance.roles.put(role.name(), new RocketMqInstance.Role(role.name(),
                    Params.text(call, "Remark", role.remark()), read, write, role.accessKey(), role.secretKey(),
                    role.createdTime(), account.millis()));
        });
        return JsonNodeFactory.instance.objectNode();
    }

    private ObjectNode delete(ApiCall call) {
        account.rocketMq.inInstance(call.text("InstanceId"), instance -> instance.roles.remove(role(instance,
                call.text("Role")).name()));
        return JsonNodeFactory.instance.objectNode();
    }

    private static RocketMqInstance.Role role(RocketMqInstance instance, String name) {
        RocketMqInstance.Role role = instance.roles.get(name);
        if (role == null) {
            throw new ApiError(TrocketAccount.ROLE_NOT_FOUND, "The role " + name + " does not exist in the instance "
                    + instance.id + ".");
        }
        return role;
    }

    private static ObjectNode item(RocketMqInstance.Role role) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("RoleName", role.name());
        item.put("AccessKey", role.accessKey());
        item.put("SecretKey", role.secretKey());
        item.put("PermRead", role.permRead());
        item.put("PermWrite", role.permWrite());
        item.put("Remark", role.remark());
        item.put("CreatedTime", role.createdTime());
        item.put("ModifiedTime", role.modifiedTime());
        return item;
    }
}

package io.github.cameliot.emulator.tencent.explorer;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiServer;

/** Families, their rooms and members, kept per user. */
final class FamilyActions {

    private FamilyActions() {
    }

    static void register(ApiServer server, Families families, Sessions sessions) {
        server.handle("AppCreateFamily", call -> Params.data(Params.MAPPER.createObjectNode().put("FamilyId",
                families.create(call.principal(), Params.text(call, "Name"), Params.text(call, "Address")))));
        server.handle("AppDescribeFamily", call -> {
            Families.Family family = families.of(call.principal(), Params.text(call, "FamilyId"));
            synchronized (families) {
                return Params.data(Params.MAPPER.createObjectNode().put("FamilyId", family.familyId)
                        .put("FamilyName", family.name).put("Address", family.address)
                        .put("CreateTime", family.createTime).put("UpdateTime", family.updateTime));
            }
        });
        server.handle("AppModifyFamily", call -> {
            families.modify(call.principal(), Params.text(call, "FamilyId"), Params.text(call, "Name"),
                    Params.text(call, "Address"));
            return Params.empty();
        });
        server.handle("AppDeleteFamily", call -> {
            families.delete(call.principal(), Params.text(call, "FamilyId"));
            return Params.empty();
        });
        server.handle("AppGetFamilyList", call -> {
            synchronized (families) {
                return Params.page(call, families.of(call.principal()), "FamilyList", family -> Params.MAPPER
                        .createObjectNode().put("FamilyId", family.familyId).put("Name", family.name)
                        .put("Role", family.members.get(call.principal()))
                        .put("CreateTime", family.createTime).put("UpdateTime", family.updateTime));
            }
        });
        server.handle("AppCreateRoom", call -> Params.data(Params.MAPPER.createObjectNode().put("RoomId",
                families.createRoom(call.principal(), Params.text(call, "FamilyId"), Params.text(call, "Name")))));
        server.handle("AppModifyRoom", call -> {
            families.modifyRoom(call.principal(), Params.text(call, "FamilyId"), Params.text(call, "RoomId"),
                    call.text("Name"));
            return Params.empty();
        });
        server.handle("AppDeleteRoom", call -> {
            families.deleteRoom(call.principal(), Params.text(call, "FamilyId"), Params.text(call, "RoomId"));
            return Params.empty();
        });
        server.handle("AppGetRoomList", call -> {
            synchronized (families) {
                String familyId = call.text("FamilyId");
                List<Families.Family> of = familyId == null ? families.of(call.principal())
                        : List.of(families.of(call.principal(), familyId));
                List<ObjectNode> rooms = of.stream().flatMap(family -> family.rooms.values().stream()
                        .map(room -> Params.MAPPER.createObjectNode().put("RoomId", room.roomId)
                                .put("RoomName", room.name).put("DeviceNum", families.devicesIn(family, room.roomId))
                                .put("CreateTime", room.createTime).put("UpdateTime", room.updateTime))).toList();
                return Params.page(call, rooms, "RoomList", room -> room);
            }
        });
        server.handle("AppGetFamilyMemberList", call -> {
            synchronized (families) {
                Families.Family family = families.of(call.principal(), Params.text(call, "FamilyId"));
                return Params.page(call, List.copyOf(family.members.keySet()), "MemberList", userId -> {
                    Sessions.User user = sessions.userById(userId);
                    return Params.MAPPER.createObjectNode().put("UserId", userId)
                            .put("NickName", user == null ? "" : user.nickName())
                            .put("Avatar", user == null ? "" : user.avatar()).put("Role", family.members.get(userId));
                });
            }
        });
    }
}

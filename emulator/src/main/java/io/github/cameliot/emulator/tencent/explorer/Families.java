package io.github.cameliot.emulator.tencent.explorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

import io.github.cameliot.emulator.http.ApiError;

/**
 * The users' families: their rooms, their members and the devices bound into them. A user sees and changes only the
 * families they belong to; a device is bound into one family at a time, and its users are that family's members.
 */
final class Families {

    /** The room of devices bound without one. */
    static final String DEFAULT_ROOM = "0";
    static final int ADMIN = 1;

    static final class Family {
        final String familyId;
        final String ownerId;
        final long createTime;
        String name;
        String address;
        long updateTime;
        final Map<String, Integer> members = new LinkedHashMap<>();
        final Map<String, Room> rooms = new LinkedHashMap<>();
        final Map<String, Binding> devices = new LinkedHashMap<>();

        Family(String familyId, String ownerId, String name, String address, long now) {
            this.familyId = familyId;
            this.ownerId = ownerId;
            this.name = name;
            this.address = address;
            this.createTime = now;
            this.updateTime = now;
            members.put(ownerId, ADMIN);
        }
    }

    static final class Room {
        final String roomId;
        final long createTime;
        String name;
        long updateTime;

        Room(String roomId, String name, long now) {
            this.roomId = roomId;
            this.name = name;
            this.createTime = now;
            this.updateTime = now;
        }
    }

    static final class Binding {
        final String productId;
        final String deviceName;
        final String familyId;
        final long createTime;
        String roomId;
        String aliasName;
        long updateTime;

        Binding(String productId, String deviceName, String familyId, String roomId, long now) {
            this.productId = productId;
            this.deviceName = deviceName;
            this.familyId = familyId;
            this.roomId = roomId;
            this.aliasName = deviceName;
            this.createTime = now;
            this.updateTime = now;
        }

        String deviceId() {
            return productId + "/" + deviceName;
        }
    }

    private final LongSupplier millis;
    private final Map<String, Family> families = new LinkedHashMap<>();
    /** Where each bound device is bound: device id to family id. */
    private final Map<String, String> boundIn = new LinkedHashMap<>();

    Families(LongSupplier millis) {
        this.millis = millis;
    }

    synchronized String create(String userId, String name, String address) {
        String familyId = "f_" + UUID.randomUUID().toString().replace("-", "");
        families.put(familyId, new Family(familyId, userId, name, address, now()));
        return familyId;
    }

    /** The family, which the user must belong to. */
    synchronized Family of(String userId, String familyId) {
        Family family = families.get(familyId);
        if (family == null) {
            throw new ApiError("ResourceNotFound.StudioFamilyNotExist", "家庭 " + familyId + " 不存在或已删除。");
        }
        if (!family.members.containsKey(userId)) {
            throw new ApiError("UnauthorizedOperation.NoPermissionToFamily", "没有该家庭的权限。");
        }
        return family;
    }

    /** The family, which the user must administer. */
    private Family administered(String userId, String familyId) {
        Family family = of(userId, familyId);
        if (family.members.get(userId) != ADMIN) {
            throw new ApiError("InvalidParameterValue.NoPermission", "只有家庭管理员可以这样操作。");
        }
        return family;
    }

    synchronized List<Family> of(String userId) {
        return families.values().stream().filter(family -> family.members.containsKey(userId)).toList();
    }

    /** The first family of the user, created as "Home" when they have none. */
    synchronized String home(String userId) {
        return of(userId).stream().findFirst().map(family -> family.familyId)
                .orElseGet(() -> create(userId, "Home", ""));
    }

    synchronized void modify(String userId, String familyId, String name, String address) {
        Family family = administered(userId, familyId);
        family.name = name;
        family.address = address;
        family.updateTime = now();
    }

    synchronized void delete(String userId, String familyId) {
        Family family = administered(userId, familyId);
        family.devices.keySet().forEach(boundIn::remove);
        families.remove(familyId);
    }

    synchronized String createRoom(String userId, String familyId, String name) {
        Family family = administered(userId, familyId);
        String roomId = "r_" + UUID.randomUUID().toString().replace("-", "");
        family.rooms.put(roomId, new Room(roomId, name, now()));
        return roomId;
    }

    synchronized void modifyRoom(String userId, String familyId, String roomId, String name) {
        Room room = room(administered(userId, familyId), roomId);
        if (name != null) {
            room.name = name;
        }
        room.updateTime = now();
    }

    /** Deletes a room; its devices move to the default room. */
    synchronized void deleteRoom(String userId, String familyId, String roomId) {
        Family family = administered(userId, familyId);
        room(family, roomId);
        family.rooms.remove(roomId);
        family.devices.values().stream().filter(binding -> roomId.equals(binding.roomId))
                .forEach(binding -> binding.roomId = DEFAULT_ROOM);
    }

    synchronized List<Room> rooms(String userId, String familyId) {
        return List.copyOf(of(userId, familyId).rooms.values());
    }

    synchronized long devicesIn(Family family, String roomId) {
        return family.devices.values().stream().filter(binding -> roomId.equals(binding.roomId)).count();
    }

    /** Binds a device into a family; a device is in one family at a time. */
    synchronized Binding bind(String userId, String familyId, String roomId, String productId, String deviceName) {
        Family family = of(userId, familyId);
        String room = roomId == null || roomId.isEmpty() ? DEFAULT_ROOM : roomId;
        if (!DEFAULT_ROOM.equals(room)) {
            room(family, room);
        }
        String deviceId = productId + "/" + deviceName;
        if (boundIn.containsKey(deviceId)) {
            throw new ApiError("UnsupportedOperation.CannotBindSameFamily", "设备 " + deviceId + " 已绑定。");
        }
        Binding binding = new Binding(productId, deviceName, familyId, room, now());
        family.devices.put(deviceId, binding);
        boundIn.put(deviceId, familyId);
        return binding;
    }

    synchronized void unbind(String userId, String familyId, String deviceId) {
        Family family = of(userId, familyId);
        if (family.devices.remove(deviceId) == null) {
            throw new ApiError("InvalidParameterValue.AppDeviceNotExist", "绑定设备 " + deviceId + " 不存在。");
        }
        boundIn.remove(deviceId);
    }

    /** The binding of a device the user can use, in whichever of their families it is. */
    synchronized Binding binding(String userId, String deviceId) {
        String familyId = boundIn.get(deviceId);
        Family family = familyId == null ? null : families.get(familyId);
        if (family == null || !family.members.containsKey(userId)) {
            throw new ApiError("InvalidParameterValue.NoPermission", "用户没有设备 " + deviceId + " 的权限。");
        }
        return family.devices.get(deviceId);
    }

    synchronized boolean canUse(String userId, String deviceId) {
        String familyId = boundIn.get(deviceId);
        Family family = familyId == null ? null : families.get(familyId);
        return family != null && family.members.containsKey(userId);
    }

    /** The devices of a family, of one room or of all ({@code RoomId} empty). */
    synchronized List<Binding> devices(String userId, String familyId, String roomId) {
        List<Binding> list = new ArrayList<>();
        for (Binding binding : of(userId, familyId).devices.values()) {
            if (roomId == null || roomId.isEmpty() || roomId.equals(binding.roomId)) {
                list.add(binding);
            }
        }
        return list;
    }

    synchronized void moveDevice(String userId, String familyId, String roomId, String deviceId) {
        Family family = of(userId, familyId);
        if (!DEFAULT_ROOM.equals(roomId)) {
            room(family, roomId);
        }
        Binding binding = family.devices.get(deviceId);
        if (binding == null) {
            throw new ApiError("InvalidParameterValue.AppDeviceNotExist", "绑定设备 " + deviceId + " 不存在。");
        }
        binding.roomId = roomId;
        binding.updateTime = now();
    }

    synchronized Binding rename(String userId, String deviceId, String aliasName) {
        Binding binding = binding(userId, deviceId);
        binding.aliasName = aliasName;
        binding.updateTime = now();
        return binding;
    }

    synchronized void reset() {
        families.clear();
        boundIn.clear();
    }

    private static Room room(Family family, String roomId) {
        Room room = family.rooms.get(roomId);
        if (room == null) {
            throw new ApiError("ResourceNotFound", "房间 " + roomId + " 不存在。");
        }
        return room;
    }

    private long now() {
        return millis.getAsLong() / 1000;
    }
}

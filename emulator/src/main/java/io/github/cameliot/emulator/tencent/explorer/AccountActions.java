package io.github.cameliot.emulator.tencent.explorer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameliot.emulator.http.ApiError;
import io.github.cameliot.emulator.http.ApiServer;

/** Logging users in and out: {@code AppGetTokenByWeiXin} (the component's default loginAction) and AppLogoutUser. */
final class AccountActions {

    private static final int MAX_NICK_NAME = 64;

    private AccountActions() {
    }

    static void register(ApiServer server, Sessions sessions) {
        server.handle("AppGetTokenByWeiXin", call -> {
            String nickName = Params.text(call, "NickName");
            if (nickName.length() > MAX_NICK_NAME) {
                throw new ApiError("InvalidParameterValue.NickNameLengthInvalid", "昵称长度非法");
            }
            Sessions.Login login = sessions.loginByWeiXin(Params.text(call, "WxOpenID"), nickName,
                    Params.text(call, "Avatar"));
            ObjectNode data = Params.MAPPER.createObjectNode().put("ExpireAt", login.expireAt())
                    .put("Token", login.token());
            return Params.data(data);
        });
        server.handle("AppLogoutUser", call -> {
            sessions.logout(call.text("AccessToken"));
            return Params.data(Params.MAPPER.getNodeFactory().textNode("OK"));
        });
    }
}

/**
 * The emulated Tencent IoT Explorer application API ({@code /api/exploreropen/appapi} and {@code tokenapi}) and its
 * long connection ({@code /iotstudio_v2_weapp_1}).
 * <p>
 * The book {@code explorer.json} holds, per documented action, the endpoint it is called on ({@code appapi} or
 * {@code tokenapi}), its required parameters, and the examples of the documentation's "示例" sections (zh,
 * seed 002): {@code source} (the lines where the examples begin), {@code request} (the business parameters, without
 * the common ones), {@code response} (the successful answer as printed) and {@code repairs} (what was changed where
 * the example was unparsable, absent, or sent another action: table spellings replace example spellings, a required
 * parameter the example omits was added, a missing response became {@code {"Response": {"RequestId": ...}}}).
 */
package io.github.cameliot.emulator.tencent.explorer;

package io.github.cameliot.cloudapi.camel;

import java.util.Map;

import io.github.cameliot.cloudapi.Json;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/** A message body read as an action's parameters or as a payload, failing with a message that names the action. */
public final class MessageBodies {

    private MessageBodies() {
    }

    /**
     * The body as the action's parameters (see {@link Json#toParameters}).
     *
     * @throws IllegalArgumentException naming the action, when the body is no JSON object, map or POJO
     */
    public static Map<String, Object> parameters(Object body, String action) {
        try {
            return Json.toParameters(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(action + ": the body must hold the action's parameters. " + e.getMessage(), e);
        }
    }

    /**
     * The body as payload bytes, converted by Camel's type converters.
     *
     * @throws IllegalArgumentException naming the action and the body's type, when it cannot be converted
     */
    public static byte[] payloadBytes(Message message, String action) {
        try {
            return message.getMandatoryBody(byte[].class);
        } catch (InvalidPayloadException e) {
            throw new IllegalArgumentException(action + ": cannot send a " + message.getBody().getClass().getName()
                                               + " body as the payload", e);
        }
    }
}

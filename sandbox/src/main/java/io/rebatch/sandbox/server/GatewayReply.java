package io.rebatch.sandbox.server;

/** An HTTP answer: status, content type, body. */
public record GatewayReply(int status, String contentType, String body) {
    public static final String JSON = "application/json;charset=UTF-8";

    public static GatewayReply json(String body) {
        return new GatewayReply(200, JSON, body);
    }
}

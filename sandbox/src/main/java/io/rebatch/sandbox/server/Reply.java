package io.rebatch.sandbox.server;

/** An HTTP answer: status, content type, body. */
public record Reply(int status, String contentType, String body) {
    public static final String JSON = "application/json;charset=UTF-8";

    public static Reply json(String body) {
        return new Reply(200, JSON, body);
    }
}

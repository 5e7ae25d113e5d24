package io.rebatch.sandbox.server;

/** An HTTP answer: status, content type, body. */
record Reply(int status, String contentType, String body) {
    static final String JSON = "application/json;charset=UTF-8";

    static Reply json(String body) {
        return new Reply(200, JSON, body);
    }
}

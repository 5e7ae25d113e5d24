package io.rebatch.api.security;

import org.springframework.security.oauth2.jwt.Jwt;

/** The user a request acts for: the token's {@code sub}, validated as a positive long when the token was decoded. */
public final class CurrentUser {
    private CurrentUser() {
    }

    public static long id(Jwt jwt) {
        long id = userIdOf(jwt.getSubject());
        if (id <= 0) {
            throw new IllegalStateException("token subject was not validated");
        }
        return id;
    }

    /** The user id in a {@code sub}, or -1 when it is not a positive decimal long. */
    static long userIdOf(String subject) {
        if (subject == null || subject.isEmpty() || subject.length() > 18) {
            return -1;
        }
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        long id = Long.parseLong(subject);
        return id > 0 ? id : -1;
    }
}

package io.rebatch.api.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What rebatch requires of a token beyond a valid HS256 signature and an unexpired {@code exp} (Spring Security's
 * timestamp validator): {@code exp} present at all (a token without one would never expire) and {@code sub} a
 * positive user id (SPEC 8: {@code sub} is the user id; {@code /me} always means it).
 */
final class TokenValidators {
    private TokenValidators() {
    }

    static final OAuth2TokenValidator<Jwt> EXP_REQUIRED = jwt -> jwt.getExpiresAt() != null
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token has no exp claim", null));

    static final OAuth2TokenValidator<Jwt> SUBJECT_IS_USER_ID = jwt -> CurrentUser.userIdOf(jwt.getSubject()) > 0
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                    "the token's sub is not a user id", null));
}

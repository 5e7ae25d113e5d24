package io.rebatch.api.security;

import io.rebatch.api.ApiProperties;
import io.rebatch.api.problem.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what (SPEC 8), with Spring Security's OAuth2 resource server:
 * <ul>
 *   <li>Bearer JWTs signed HS256 with {@code rebatch.api.jwt-secret} only: another {@code alg} (none, HS512, RS256)
 *       is refused by the decoder; {@code exp} is required and checked with {@code rebatch.api.clock-skew}
 *       (default 30 s), as is {@code nbf}; {@code sub} must be a positive user id.</li>
 *   <li>Scope {@code app} for {@code /api/v1/me/**}, {@code admin} for {@code /api/v1/admin/**} and the Prometheus
 *       metrics; the OpenAPI document needs any valid token; only {@code /actuator/health} (status only, for load
 *       balancers) answers without one. Everything else needs a valid token and is 404 if it does not exist.</li>
 *   <li>Stateless: no session, no CSRF token (no cookies are read), no saved requests — replicas share nothing.</li>
 *   <li>401 and 403 are {@code application/problem+json} with reason {@code UNAUTHENTICATED} /
 *       {@code INSUFFICIENT_SCOPE}, after the standard {@code WWW-Authenticate: Bearer} header.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder decoder, JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = problemEntryPoint(json);
        AccessDeniedHandler forbidden = problemAccessDenied(json);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness").permitAll()
                        // The container's error dispatch renders errors of any request; /error itself is no
                        // public page (asked for directly it answered 500 to anyone).
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/api/v1/me/**").hasAuthority("SCOPE_app")
                        .requestMatchers("/api/v1/admin/**", "/actuator/**").hasAuthority("SCOPE_admin")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder))
                        .authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .securityContext(c -> c.requireExplicitSave(true))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .anonymous(a -> { });
        return http.build();
    }

    /**
     * A request the firewall rejects (an encoded {@code ..} in the path, a header value with control or non-ASCII
     * bytes such as a UTF-8 {@code Idempotency-Key}) is the caller's mistake: 400 {@code INVALID_REQUEST}, not the
     * container's 500.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
        return (request, response, e) -> write(json, response, Problems.of(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                "the request was rejected: malformed path, header or parameter"));
    }

    @Bean
    JwtDecoder jwtDecoder(ApiProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(properties.secretBytes(), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()), TokenValidators.EXP_REQUIRED,
                TokenValidators.SUBJECT_IS_USER_ID));
        return decoder;
    }

    private static AuthenticationEntryPoint problemEntryPoint(JsonMapper json) {
        BearerTokenAuthenticationEntryPoint standard = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            standard.commence(request, response, e);
            write(json, response, Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "a valid bearer token is required"));
        };
    }

    private static AccessDeniedHandler problemAccessDenied(JsonMapper json) {
        BearerTokenAccessDeniedHandler standard = new BearerTokenAccessDeniedHandler();
        return (request, response, e) -> {
            standard.handle(request, response, e);
            write(json, response, Problems.of(HttpStatus.FORBIDDEN, "INSUFFICIENT_SCOPE",
                    "the token's scope does not allow this request"));
        };
    }

    private static void write(JsonMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.putAll(problem.getProperties());
        json.writeValue(response.getOutputStream(), body);
    }
}

package io.rebatch.api.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the API's problem details (RFC 9457): {@code type} is a stable URN per reason
 * ({@code urn:rebatch:problem:<reason>}), {@code title} the status phrase, {@code detail} one line for humans and
 * {@code reason} the machine-readable code every error carries.
 */
public final class Problems {
    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String reason, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("urn:rebatch:problem:" + reason.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        HttpStatus known = HttpStatus.resolve(status.value());
        p.setTitle(known == null ? "Error" : known.getReasonPhrase());
        p.setProperty("reason", reason);
        return p;
    }
}

package io.rebatch.readers.report;

import io.rebatch.domain.Platform;

/**
 * An error answer from a platform's order API, as its envelope gave it: TOP {@code error_response{code, msg,
 * sub_code, sub_msg}}, the Taobao refund API's {@code result{result_code != 0, biz_error_code, …}}, JD's gateway
 * {@code error_response{code, zh_desc, en_desc}} or business {@code queryResult.code != 200} with {@code message},
 * and PDD {@code error_response{error_code, error_msg, sub_code, sub_msg}}.
 *
 * <p>This record only carries what the platform said. Deciding whether an error is a rate limit to back off from
 * or a fatal one belongs to the API clients.
 *
 * @param code    the platform's error code as text ({@code "7"}, {@code "12"}, {@code "52101"}, JD business {@code "403"})
 * @param subCode the finer code when the platform gives one ({@code "accesscontrol.limited-by-app-access-count"}), else null
 * @param message the platform's messages joined with {@code "; "} (e.g. TOP {@code msg; sub_msg}), never null
 */
public record PlatformError(Platform platform, String code, String subCode, String message) {

    public PlatformError {
        message = message == null ? "" : message;
    }

    /** One line for logs and quarantine reasons, e.g. {@code TAOBAO error 7/accesscontrol.limited-by-app-access-count: App Call Limited}. */
    public String describe() {
        return platform + " error " + code + (subCode == null ? "" : "/" + subCode) + (message.isEmpty() ? "" : ": " + message);
    }
}

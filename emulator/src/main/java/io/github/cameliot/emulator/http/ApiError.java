package io.github.cameliot.emulator.http;

/**
 * A refusal in the cloud's own words: its error code, message and HTTP status. Thrown anywhere in the handling of a
 * call; the API's {@link WireProtocol} renders it the way that cloud does.
 */
public final class ApiError extends RuntimeException {

    private final String code;
    private final int status;

    public ApiError(String code, String message, int status) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    /** A refusal with HTTP status 200, as Tencent Cloud API 3.0 answers every error. */
    public ApiError(String code, String message) {
        this(code, message, 200);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}

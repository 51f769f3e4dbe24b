package dev.vera.fetch;

/** A page that could not be fetched or read as an article; {@link #kind()} says which way. */
public final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The ways a fetch fails; adapters map each to their own status (HTTP, exit code). */
  public enum Kind {
    /** The URL is malformed or not http(s). */
    BAD_URL,
    /** The host resolves to an address the guard refuses (loopback, private, metadata…). */
    REFUSED,
    /** The host name does not resolve, or the connection failed. */
    UNREACHABLE,
    /** No answer within the timeout. */
    TIMEOUT,
    /** More redirects than allowed, or a redirect without a usable Location. */
    REDIRECTS,
    /** The server answered with an error status. */
    HTTP_STATUS,
    /** The page is larger than the size cap. */
    TOO_LARGE,
    /** The content type is not HTML. */
    NOT_HTML,
    /** The page holds no article text. */
    NO_ARTICLE
  }

  private final Kind kind;

  public FetchException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public FetchException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}

package dev.vera.fetch;

/**
 * A page that could not be fetched or read as an article; {@link #kind()} says which way. The
 * message is for the person who asked at their own terminal and may say more (the address a host
 * resolved to); {@link #publicMessage()} is what a server answers a remote caller.
 */
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
  private final String publicMessage;

  public FetchException(Kind kind, String message) {
    this(kind, message, message, null);
  }

  public FetchException(Kind kind, String message, Throwable cause) {
    this(kind, message, message, cause);
  }

  /**
   * @param message what the local user is told (may name resolved addresses)
   * @param publicMessage what a remote caller is told: no addresses, no DNS answers
   */
  public FetchException(Kind kind, String message, String publicMessage, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.publicMessage = publicMessage;
  }

  public Kind kind() {
    return kind;
  }

  /** The message without internal addresses or DNS answers, for a remote caller. */
  public String publicMessage() {
    return publicMessage;
  }
}

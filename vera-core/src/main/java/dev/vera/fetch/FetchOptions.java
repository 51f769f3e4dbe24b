package dev.vera.fetch;

import java.time.Duration;

/**
 * How pages are fetched.
 *
 * @param timeout the longest wait for the whole fetch, redirects included
 * @param maxBytes the largest page accepted, in bytes as received
 * @param maxRedirects the most redirects followed
 * @param allowPrivateHosts let URLs reach loopback, private, link-local and metadata addresses (for
 *     tests and trusted intranets only)
 */
public record FetchOptions(
    Duration timeout, long maxBytes, int maxRedirects, boolean allowPrivateHosts) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final long DEFAULT_MAX_BYTES = 5_000_000;
  public static final int DEFAULT_MAX_REDIRECTS = 5;

  public FetchOptions {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("maxRedirects must not be negative, was " + maxRedirects);
    }
  }

  /** Public hosts only, 10 s, 5 MB, 5 redirects. */
  public static FetchOptions defaults() {
    return new FetchOptions(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, false);
  }

  public FetchOptions withAllowPrivateHosts(boolean allow) {
    return new FetchOptions(timeout, maxBytes, maxRedirects, allow);
  }

  public FetchOptions withTimeout(Duration t) {
    return new FetchOptions(t, maxBytes, maxRedirects, allowPrivateHosts);
  }

  public FetchOptions withMaxBytes(long max) {
    return new FetchOptions(timeout, max, maxRedirects, allowPrivateHosts);
  }

  public FetchOptions withMaxRedirects(int max) {
    return new FetchOptions(timeout, maxBytes, max, allowPrivateHosts);
  }
}

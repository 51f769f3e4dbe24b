package dev.vera.fetch;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page as received.
 *
 * @param uri the URL finally fetched, after redirects
 * @param contentType the media type without parameters, lower case
 * @param charset the charset named by the Content-Type header, or null
 * @param body the bytes received (at most the size cap)
 * @param redirects the URLs redirected from, in order
 */
public record FetchedPage(
    URI uri, String contentType, @Nullable String charset, byte[] body, List<URI> redirects) {}

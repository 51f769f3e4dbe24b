package dev.vera.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/** URLs as they may be stored and shown: never with credentials, never unbounded in a message. */
public final class Urls {
  /** The most characters of a URL (or host) that a message quotes. */
  public static final int MAX_SHOWN = 200;

  private Urls() {}

  /**
   * The URL without {@code user:password@}: credentials must not reach an id, a verdict, a stored
   * correction or a log. Unparseable text loses everything up to the last {@code @} before the
   * path.
   */
  public static @Nullable String withoutCredentials(@Nullable String url) {
    if (url == null || url.indexOf('@') < 0) {
      return url;
    }
    try {
      URI u = new URI(url.strip());
      if (u.getRawUserInfo() == null) {
        return url;
      }
      return withoutCredentials(u).toString();
    } catch (URISyntaxException e) {
      int scheme = url.indexOf("://");
      int start = scheme < 0 ? 0 : scheme + 3;
      int end = url.length();
      for (char c : new char[] {'/', '?', '#'}) {
        int i = url.indexOf(c, start);
        if (i >= 0) {
          end = Math.min(end, i);
        }
      }
      int at = url.lastIndexOf('@', end - 1);
      return at < start ? url : url.substring(0, start) + url.substring(at + 1);
    }
  }

  /** {@code uri} without its user information. */
  static URI withoutCredentials(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri;
    }
    String s = uri.toString();
    String user = uri.getRawUserInfo() + "@";
    int at = s.indexOf(user);
    return URI.create(s.substring(0, at) + s.substring(at + user.length()));
  }

  /** The URL for a message: without credentials, cut to {@value #MAX_SHOWN} characters. */
  public static String shown(Object url) {
    return cut(String.valueOf(withoutCredentials(String.valueOf(url))));
  }

  /** {@code s} cut to {@value #MAX_SHOWN} characters, saying so. */
  static String cut(String s) {
    return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "…";
  }
}

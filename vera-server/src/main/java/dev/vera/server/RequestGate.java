package dev.vera.server;

import static dev.vera.server.Hosts.bare;
import static dev.vera.server.Hosts.hostPart;
import static dev.vera.server.Hosts.isAddressLiteral;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The first handler every request meets, before anything reads its body:
 *
 * <ul>
 *   <li>the {@code Host} header must name the address the server is bound to (for a loopback
 *       address, {@code localhost} too; for every interface, any IP address) or a configured public
 *       host: a page whose own name was re-pointed at this server (DNS rebinding) names its own
 *       host and is refused with 421;
 *   <li>a request carrying an {@code Origin} (every cross-site request a browser sends does) must
 *       come from the server's own origin or one configured as allowed, else 403: a page the
 *       analyst happens to open cannot post corrections or use the API in their name;
 *   <li>{@code X-HTTP-Method-Override} is removed, so the method is the one on the request line;
 *   <li>every answer says {@code X-Content-Type-Options: nosniff}, and the API's say {@code
 *       Cache-Control: no-store} (verdicts are about what an analyst pasted).
 * </ul>
 */
final class RequestGate extends Handler.Wrapper {
  private final Set<String> hosts;
  private final boolean anyAddress;
  private final List<String> publicHosts;
  private final List<String> allowedOrigins;
  private final Metrics metrics;

  RequestGate(ServerConfig config, Metrics metrics) {
    String bound = bare(config.host());
    this.anyAddress = Hosts.isAnyAddress(bound);
    Set<String> names = new HashSet<>(List.of(bound, "localhost"));
    if (Hosts.isLoopback(bound)) {
      names.addAll(List.of("127.0.0.1", "::1"));
    }
    this.hosts = Set.copyOf(names);
    this.publicHosts = config.publicHosts();
    this.allowedOrigins = config.allowedOrigins();
    this.metrics = metrics;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long start = System.nanoTime();
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    if (Request.getPathInContext(request).startsWith(VeraServer.API + "/")) {
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    }
    String host = request.getHeaders().get(HttpHeader.HOST);
    ApiProblem refused = null;
    if (host != null && !hostAllowed(host)) {
      refused =
          new ApiProblem(
              421,
              "wrong-host",
              "Misdirected request",
              "this server answers to its own address, not to the host this request names; an"
                  + " operator who serves it under a name adds --public-host NAME");
    } else {
      String origin = request.getHeaders().get(HttpHeader.ORIGIN);
      if (origin != null && !originAllowed(origin, host)) {
        refused =
            new ApiProblem(
                403,
                "origin-refused",
                "Origin refused",
                "requests from pages of another origin are refused; an operator who wants this"
                    + " origin served adds --allow-origin ORIGIN");
      }
    }
    if (refused != null) {
      JettyProblems.write(request, response, callback, refused, true);
      metrics.record(JettyProblems.route(request), refused.status(), System.nanoTime() - start);
      return true;
    }
    Request next = request;
    if (request.getHeaders().contains("X-HTTP-Method-Override")) {
      HttpFields headers =
          HttpFields.build(request.getHeaders()).remove("X-HTTP-Method-Override").asImmutable();
      next =
          new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
              return headers;
            }
          };
    }
    return super.handle(next, response, callback);
  }

  private boolean hostAllowed(String header) {
    String value = header.strip().toLowerCase(Locale.ROOT);
    String name = hostPart(value);
    String port = value.substring(name.length()).replaceFirst("^:", "");
    for (String p : publicHosts) {
      String pName = hostPart(p);
      String pPort = p.substring(pName.length()).replaceFirst("^:", "");
      if (bare(pName).equals(bare(name)) && (pPort.isEmpty() || pPort.equals(port))) {
        return true;
      }
    }
    String bare = bare(name);
    if (hosts.contains(bare)) {
      return true;
    }
    // Listening on every interface, any address literal reaches this machine: a rebinding page
    // always names a host, never an address.
    return anyAddress && isAddressLiteral(bare);
  }

  private boolean originAllowed(String origin, @Nullable String host) {
    String o = origin.strip().toLowerCase(Locale.ROOT);
    if (allowedOrigins.contains(o)) {
      return true;
    }
    if (host == null) {
      return false;
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    return o.equals("http://" + h) || o.equals("https://" + h);
  }
}

/**
 * Articles read from the web: {@link dev.vera.fetch.ArticleFetcher} downloads a page with a
 * timeout, a size cap, a redirect limit and a content-type check, asking {@link
 * dev.vera.fetch.SsrfGuard} about every hop; {@link dev.vera.fetch.HtmlArticleExtractor} turns the
 * HTML into an {@link dev.vera.article.Article}.
 *
 * <p>Internal: public for Vera's CLI, server and Spark job, not part of its API (that is {@link
 * dev.vera.api}), and free to change in any release.
 */
@NullMarked
package dev.vera.fetch;

import org.jspecify.annotations.NullMarked;

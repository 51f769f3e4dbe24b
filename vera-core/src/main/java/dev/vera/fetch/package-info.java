/**
 * Articles read from the web: {@link dev.vera.fetch.ArticleFetcher} downloads a page with a
 * timeout, a size cap, a redirect limit and a content-type check, asking {@link
 * dev.vera.fetch.SsrfGuard} about every hop; {@link dev.vera.fetch.HtmlArticleExtractor} turns the
 * HTML into an {@link dev.vera.article.Article}.
 */
@NullMarked
package dev.vera.fetch;

import org.jspecify.annotations.NullMarked;

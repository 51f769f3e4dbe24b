/** The server's limit on an article: its title plus text, in UTF-8 bytes (413 above). */
export const MAX_ARTICLE_BYTES = 1000000;

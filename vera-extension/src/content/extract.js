// Injected into the page when the user asks for a check (or on a site they chose to have checked
// automatically): reads the article with Readability, on a copy of the document.
import { extractArticle } from '../lib/article.js';

globalThis.__veraExtract = () => extractArticle(document, location.href);

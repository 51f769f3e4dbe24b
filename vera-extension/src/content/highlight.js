// Injected into the page for "Show in page": marks phrases and sentences, or takes the marks away.
import { applyHighlights, clearHighlights, hasHighlights } from '../lib/highlight.js';

globalThis.__veraHighlight = {
  apply: (plan) => applyHighlights(document, plan),
  clear: () => clearHighlights(document),
  active: () => hasHighlights(document)
};

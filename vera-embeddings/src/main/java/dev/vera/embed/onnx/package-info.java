/**
 * The sentence encoder bundled with Vera (all-MiniLM-L6-v2 on ONNX Runtime), registered for {@link
 * dev.vera.embed.SentenceEncoder#bundled()} in {@code META-INF/services}.
 *
 * <p>Internal: nothing here is called directly; having this module on the class path is what
 * counts.
 */
package dev.vera.embed.onnx;

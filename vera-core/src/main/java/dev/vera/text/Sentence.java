package dev.vera.text;

/**
 * A sentence of a text: its words without surrounding white space, and where they lie.
 *
 * @param text the sentence, trimmed
 * @param start offset of its first character in the text
 * @param end offset just after its last character
 */
public record Sentence(String text, int start, int end) {}

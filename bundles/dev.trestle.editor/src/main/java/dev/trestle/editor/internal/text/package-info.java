/**
 * The piece tree behind {@link dev.trestle.editor.text.TextDocument}: the original file memory-mapped in chunks and
 * indexed for line feeds in the background, inserted text in an append-only buffer, and a treap of pieces over both.
 */
package dev.trestle.editor.internal.text;

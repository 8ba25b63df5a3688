/** A lexer-based C-family indexer: no preprocessing, so it is fast and never needs the project's build flags. */
package dev.trestle.editor.internal.xref;

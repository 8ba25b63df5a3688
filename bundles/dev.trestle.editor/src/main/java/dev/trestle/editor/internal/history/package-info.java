/** The edit journal, the history tree built from it, and the content-addressed local history. */
package dev.trestle.editor.internal.history;

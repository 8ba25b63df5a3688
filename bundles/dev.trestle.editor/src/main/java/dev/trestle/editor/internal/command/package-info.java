/** Gogo commands of the editor core, run by {@code ./trestle xref ...} and {@code ./trestle history ...}. */
package dev.trestle.editor.internal.command;

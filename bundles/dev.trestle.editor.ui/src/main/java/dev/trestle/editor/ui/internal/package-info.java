/**
 * The source editor and the Annotations view. Nothing here is API: the workbench finds both as DS services
 * ({@code EditorContribution}, {@code ViewContribution}) and never names a class of this bundle.
 */
package dev.trestle.editor.ui.internal;

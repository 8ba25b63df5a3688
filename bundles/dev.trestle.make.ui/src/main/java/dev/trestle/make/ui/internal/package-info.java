/**
 * The Build view and the Build menu. Nothing here is API: the workbench finds them as DS services ({@code
 * ViewContribution}, {@code ActionContribution}) and never names a class of this bundle.
 */
package dev.trestle.make.ui.internal;

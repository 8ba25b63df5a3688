/**
 * The Backups view and the Backup menu. Nothing here is API: the workbench finds them as DS services
 * ({@code ViewContribution}, {@code ActionContribution}) and never names a class of this bundle.
 */
package dev.trestle.backup.ui.internal;

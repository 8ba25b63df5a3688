/** The backup service and its Gogo commands: staged create, verify and restore on top of the archive format. */
package dev.trestle.backup.internal;

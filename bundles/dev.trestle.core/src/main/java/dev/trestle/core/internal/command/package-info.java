/** Gogo commands of the core: the {@code project} area. */
package dev.trestle.core.internal.command;

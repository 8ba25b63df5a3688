/** Gogo commands of the {@code make} area. */
package dev.trestle.make.internal;

/** Proposing a first description from a source tree ({@code make init}). */
package dev.trestle.make.internal.description;

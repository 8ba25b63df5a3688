/** The makefile generator. */
package dev.trestle.make.internal.generate;

/** The dependency scanner: reading directives, expanding macros, evaluating conditionals, following includes. */
package dev.trestle.make.internal.deps;

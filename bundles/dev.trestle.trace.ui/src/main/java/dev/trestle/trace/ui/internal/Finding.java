package dev.trestle.trace.ui.internal;

import dev.trestle.model.Severity;

/** A remark a trace makes about a project file, before it becomes an annotation. */
record Finding(String path, int line, Severity severity, String message) {}

/** The archive itself: frames of a compressed tar stream, the index that maps them to members, and manifests. */
package dev.trestle.backup.internal.archive;

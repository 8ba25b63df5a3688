/** File I/O that proves what is on the device: forced writes and reads that bypass the page cache. */
package dev.trestle.backup.internal.io;

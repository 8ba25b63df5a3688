package dev.trestle.backup.internal.archive;

import java.io.IOException;
import java.io.OutputStream;

/** Receives members as the {@link FrameReader} checks them; restore writes them, verify only counts them. */
public interface MemberSink {
    /** Where a member's content goes while its digests are computed, or {@code null} to discard it. */
    OutputStream open(Member member) throws IOException;

    /**
     * Where the content of a member goes that is already known intact, whole, before it is written; by default where
     * {@link #open} sends any member's content.
     */
    default OutputStream openIntact(Member member) throws IOException {
        return open(member);
    }

    /** Called once per member in the index: {@code reason} is {@code null} if it matched the index exactly. */
    void finished(Member member, String reason) throws IOException;

    MemberSink DISCARD = new MemberSink() {
        @Override
        public OutputStream open(Member member) {
            return null;
        }

        @Override
        public void finished(Member member, String reason) {
            // verification keeps its own tally
        }
    };
}

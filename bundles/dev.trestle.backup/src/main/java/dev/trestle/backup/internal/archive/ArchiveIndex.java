package dev.trestle.backup.internal.archive;

import dev.trestle.backup.ArchiveFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Which members each frame of an archive holds, with every member's metadata and digests. It lives beside the
 * archive ({@code NAME.index}, see {@link IndexFile}) because it names the compressed offsets of every frame,
 * which the archive cannot contain about itself.
 */
public record ArchiveIndex(ArchiveFormat format, List<Frame> frames, List<Member> members) {
    public ArchiveIndex {
        frames = List.copyOf(frames);
        members = List.copyOf(members);
    }

    /** The archive file's size if nothing was cut off or appended. */
    public long expectedSize() {
        return frames.isEmpty() ? 0 : frames.get(frames.size() - 1).end();
    }

    public List<Member> membersOf(int frame) {
        List<Member> result = new ArrayList<>();
        for (Member member : members) {
            if (member.frame() == frame) {
                result.add(member);
            }
        }
        return result;
    }

    /** The members that are the source tree's, without the manifests the archive carries about itself. */
    public List<Member> sourceMembers() {
        return members.stream().filter(m -> !Manifests.isOwn(m.path())).toList();
    }
}

package dev.trestle.backup.internal.archive;

import dev.trestle.backup.ArchiveFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which members each frame of an archive holds, with every member's metadata and digests. It lives beside the
 * archive ({@code NAME.index}, see {@link IndexFile}) because it names the compressed offsets of every frame,
 * which the archive cannot contain about itself.
 */
public record ArchiveIndex(ArchiveFormat format, List<Frame> frames, List<Member> members) {
    /** @throws IllegalArgumentException if a member lies in an earlier frame than the member before it */
    public ArchiveIndex {
        frames = List.copyOf(frames);
        members = List.copyOf(members);
        for (int i = 1; i < members.size(); i++) {
            if (members.get(i).frame() < members.get(i - 1).frame()) {
                throw new IllegalArgumentException("member " + members.get(i).path() + " lies in frame "
                        + members.get(i).frame() + ", before the frame of the member ahead of it ("
                        + members.get(i - 1).frame() + ")");
            }
        }
    }

    /** The archive file's size if nothing was cut off or appended. */
    public long expectedSize() {
        return frames.isEmpty() ? 0 : frames.get(frames.size() - 1).end();
    }

    /** The frames that hold a member {@code wanted} accepts, in order: a restore of some files reads only those. */
    public List<Integer> framesHolding(Predicate<Member> wanted) {
        List<Integer> holding = new ArrayList<>();
        for (int frame = 0; frame < frames.size(); frame++) {
            if (membersOf(frame).stream().anyMatch(wanted)) {
                holding.add(frame);
            }
        }
        return holding;
    }

    /** The members frame {@code frame} holds, in archive order. */
    public List<Member> membersOf(int frame) {
        // members lie in frame order, so a frame's are one run of them: found by halving, not by a pass over all,
        // which a verify of tens of thousands of members in hundreds of frames would repeat for every frame
        return members.subList(firstInFrameFrom(frame), firstInFrameFrom(frame + 1));
    }

    /** The index of the first member in frame {@code frame} or later, or the member count if there is none. */
    private int firstInFrameFrom(int frame) {
        int low = 0;
        int high = members.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (members.get(middle).frame() < frame) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The members that are the source tree's, without the manifests the archive carries about itself. */
    public List<Member> sourceMembers() {
        return members.stream().filter(m -> !Manifests.isOwn(m.path())).toList();
    }
}

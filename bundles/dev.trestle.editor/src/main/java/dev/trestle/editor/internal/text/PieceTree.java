package dev.trestle.editor.internal.text;

import java.util.SplittableRandom;

/**
 * The document as a sequence of pieces in a treap: insert, delete and locating a byte offset cost O(log p) expected
 * for p pieces (each edit adds at most two), independent of the file's size. Line queries cost the same once the
 * counts they pass through are cached, plus a scan of one index block of the original file.
 */
final class PieceTree {
    private final AddBuffer added = new AddBuffer();
    // Fixed seed: the shape, not the content, depends on it, and a reproducible shape makes a failure reproducible.
    private final SplittableRandom priorities = new SplittableRandom(0x7e57_1e);
    private Node root;
    /** Line feeds still to pass in the search of {@link #positionOfLineFeed}. */
    private long remaining;

    PieceTree(ByteSource original, long originalLength) {
        if (originalLength > 0) {
            root = new Node(new Piece(original, 0, originalLength), priorities.nextInt());
        }
    }

    long length() {
        return Node.bytes(root);
    }

    void insert(long offset, byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        Node node = new Node(new Piece(added, added.append(bytes), bytes.length), priorities.nextInt());
        Node[] parts = Node.split(root, offset);
        root = Node.merge(Node.merge(parts[0], node), parts[1]);
    }

    void delete(long offset, long length) {
        if (length == 0) {
            return;
        }
        Node[] first = Node.split(root, offset);
        Node[] rest = Node.split(first[1], length);
        root = Node.merge(first[0], rest[1]);
    }

    void read(long offset, byte[] target, int targetOffset, int length) {
        read(root, offset, target, targetOffset, length);
    }

    private static void read(Node node, long position, byte[] target, int offset, int length) {
        if (node == null || length == 0) {
            return;
        }
        long leftBytes = Node.bytes(node.left);
        if (position < leftBytes) {
            int n = (int) Math.min(length, leftBytes - position);
            read(node.left, position, target, offset, n);
            position += n;
            offset += n;
            length -= n;
        }
        long inPiece = position - leftBytes;
        if (length > 0 && inPiece < node.piece.length()) {
            int n = (int) Math.min(length, node.piece.length() - inPiece);
            node.piece.source().read(node.piece.start() + inPiece, target, offset, n);
            position += n;
            offset += n;
            length -= n;
        }
        if (length > 0) {
            read(node.right, position - leftBytes - node.piece.length(), target, offset, length);
        }
    }

    /** Line feeds in the first {@code offset} bytes. */
    long lineFeedsBefore(long offset) {
        long count = 0;
        Node node = root;
        while (node != null && offset > 0) {
            if (offset >= node.bytes) {
                return count + Node.lineFeeds(node);
            }
            long leftBytes = Node.bytes(node.left);
            if (offset <= leftBytes) {
                node = node.left;
                continue;
            }
            count += Node.lineFeeds(node.left);
            offset -= leftBytes;
            if (offset <= node.piece.length()) {
                return count + node.piece.lineFeedsInFirst(offset);
            }
            count += node.piece.lineFeeds();
            offset -= node.piece.length();
            node = node.right;
        }
        return count;
    }

    /** The offset of the {@code n}-th (from 1) line feed, or -1 if there are fewer. */
    long positionOfLineFeed(long n) {
        remaining = n;
        return find(root, 0);
    }

    /**
     * Walks in order and stops at the wanted line feed, so a query near the start never counts the pieces after it
     * (with few edits, one piece may be most of a gigabyte file). Subtrees passed whole get their count cached.
     */
    private long find(Node node, long base) {
        if (node == null) {
            return -1;
        }
        long cached = node.cachedLineFeeds();
        if (cached >= 0 && cached < remaining) {
            remaining -= cached;
            return -1;
        }
        long before = remaining;
        long found = find(node.left, base);
        if (found >= 0) {
            return found;
        }
        long pieceStart = base + Node.bytes(node.left);
        long inPiece = node.piece.nthLineFeed(remaining);
        if (inPiece >= 0) {
            return pieceStart + inPiece;
        }
        remaining -= -1 - inPiece;
        found = find(node.right, pieceStart + node.piece.length());
        if (found < 0) {
            node.cacheLineFeeds(before - remaining);
        }
        return found;
    }
}

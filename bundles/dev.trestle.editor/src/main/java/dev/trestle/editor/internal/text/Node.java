package dev.trestle.editor.internal.text;

/**
 * A treap node: ordered by position (implicit key, the byte count of everything to the left), heap-ordered by a
 * random priority so the tree stays balanced in expectation without rotations' bookkeeping.
 *
 * <p>The line feed count of a subtree is computed when first asked for and cached until the subtree changes: counting
 * eagerly would force the line index through the whole original file on the first edit.
 */
final class Node {
    Piece piece;
    Node left;
    Node right;
    final int priority;
    long bytes;
    private long lineFeeds = -1;

    Node(Piece piece, int priority) {
        this.piece = piece;
        this.priority = priority;
        this.bytes = piece.length();
    }

    /** Recomputes the aggregates after a child or the piece changed. */
    Node update() {
        bytes = bytes(left) + piece.length() + bytes(right);
        lineFeeds = -1;
        return this;
    }

    static long bytes(Node node) {
        return node == null ? 0 : node.bytes;
    }

    static long lineFeeds(Node node) {
        if (node == null) {
            return 0;
        }
        if (node.lineFeeds < 0) {
            node.lineFeeds = lineFeeds(node.left) + node.piece.lineFeeds() + lineFeeds(node.right);
        }
        return node.lineFeeds;
    }

    /** The cached count, or -1 when it has not been computed since the subtree last changed. */
    long cachedLineFeeds() {
        return lineFeeds;
    }

    void cacheLineFeeds(long count) {
        lineFeeds = count;
    }

    /** Joins two trees, every position of {@code a} before every position of {@code b}. */
    static Node merge(Node a, Node b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.priority >= b.priority) {
            a.right = merge(a.right, b);
            return a.update();
        }
        b.left = merge(a, b.left);
        return b.update();
    }

    /** Splits into the first {@code k} bytes and the rest, cutting a piece in two when {@code k} falls inside it. */
    static Node[] split(Node node, long k) {
        if (node == null) {
            return new Node[2];
        }
        long leftBytes = bytes(node.left);
        if (k <= leftBytes) {
            Node[] parts = split(node.left, k);
            node.left = parts[1];
            return new Node[] {parts[0], node.update()};
        }
        long afterPiece = leftBytes + node.piece.length();
        if (k >= afterPiece) {
            Node[] parts = split(node.right, k - afterPiece);
            node.right = parts[0];
            return new Node[] {node.update(), parts[1]};
        }
        // The second half takes the same priority, so it may adopt node's right subtree without breaking the heap.
        long cut = k - leftBytes;
        Node second = new Node(node.piece.suffix(cut), node.priority);
        second.right = node.right;
        node.piece = node.piece.prefix(cut);
        node.right = null;
        return new Node[] {node.update(), second.update()};
    }
}

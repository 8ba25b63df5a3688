package dev.trestle.editor.internal.history;

import dev.trestle.editor.history.Branch;
import dev.trestle.editor.history.Edit;
import dev.trestle.editor.history.Epoch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The states of all epochs in memory, numbered as the journal numbers them, and the paths between them. */
final class HistoryTree {
    static final class State {
        final long id;
        final State parent;
        final Edit edit;
        final int epoch;
        final Instant time;
        final int depth;
        State preferredChild;
        boolean hasChildren;

        State(long id, State parent, Edit edit, int epoch, Instant time) {
            this.id = id;
            this.parent = parent;
            this.edit = edit;
            this.epoch = epoch;
            this.time = time;
            this.depth = parent == null ? 0 : parent.depth + 1;
        }
    }

    private final List<State> states = new ArrayList<>();
    private final List<Epoch> epochs = new ArrayList<>();

    State startEpoch(Instant time, String sha256) {
        State root = new State(states.size() + 1L, null, null, epochs.size() + 1, time);
        states.add(root);
        epochs.add(new Epoch(root.epoch, sha256, time, root.id));
        return root;
    }

    State addEdit(State parent, Edit edit) {
        State state = new State(states.size() + 1L, parent, edit, parent.epoch, edit.time());
        states.add(state);
        parent.preferredChild = state;
        parent.hasChildren = true;
        return state;
    }

    State state(long id) {
        if (id < 1 || id > states.size()) {
            throw new IllegalArgumentException("no state " + id + " in this history (1.." + states.size() + ")");
        }
        return states.get((int) id - 1);
    }

    List<Epoch> epochs() {
        return List.copyOf(epochs);
    }

    Epoch epoch(State state) {
        return epochs.get(state.epoch - 1);
    }

    /**
     * The edits from {@code from} to {@code to}: inverses up to their common ancestor, then forward. Marks the way down
     * as preferred, so that redo retraces a branch the user switched to.
     */
    List<Edit> path(State from, State to) {
        if (from.epoch != to.epoch) {
            throw new IllegalArgumentException("state " + to.id + " belongs to epoch " + to.epoch + ", not the current "
                    + from.epoch + "; rebuild it from that epoch's base content");
        }
        List<Edit> up = new ArrayList<>();
        List<State> down = new ArrayList<>();
        State a = from;
        State b = to;
        while (a != b) {
            if (a.depth >= b.depth) {
                up.add(a.edit.inverse());
                a.parent.preferredChild = a;
                a = a.parent;
            } else {
                down.add(b);
                b = b.parent;
            }
        }
        for (int i = down.size() - 1; i >= 0; i--) {
            State step = down.get(i);
            step.parent.preferredChild = step;
            up.add(step.edit);
        }
        return up;
    }

    /** The newest state of {@code epoch} made at or before {@code time}, or the epoch's root. */
    State newestAtOrBefore(int epoch, Instant time) {
        for (int i = states.size() - 1; i >= 0; i--) {
            State state = states.get(i);
            if (state.epoch == epoch && !state.time.isAfter(time)) {
                return state;
            }
        }
        return state(epochs.get(epoch - 1).rootState());
    }

    List<Branch> branches(int epoch) {
        return states.stream()
                .filter(state -> state.epoch == epoch && !state.hasChildren)
                .map(state -> new Branch(state.id, state.time, state.depth))
                .toList();
    }

    List<Edit> editsFromBase(State state) {
        List<Edit> edits = new ArrayList<>();
        for (State s = state; s.parent != null; s = s.parent) {
            edits.add(0, s.edit);
        }
        return edits;
    }
}

package dev.trestle.core.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.core.jobs.JobHandle;
import dev.trestle.core.jobs.JobState;
import dev.trestle.core.jobs.JobStatus;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobServiceImplTest {
    private final JobServiceImpl jobs = new JobServiceImpl();
    private final List<JobStatus> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void shutdown() throws InterruptedException {
        jobs.shutdown();
    }

    @Test
    void progressReachesListenersAndResultCompletes() throws Exception {
        jobs.addListener(seen::add);

        JobHandle<Integer> handle = jobs.schedule("count", progress -> {
            progress.begin("Counting", 3);
            for (int i = 0; i < 3; i++) {
                progress.step("item " + i);
                progress.worked(1);
            }
            return 42;
        });

        assertEquals(42, handle.result().get(5, TimeUnit.SECONDS));
        JobStatus last = seen.get(seen.size() - 1);
        assertEquals(JobState.SUCCEEDED, last.state());
        assertEquals(1.0, last.fraction());
        assertTrue(seen.stream().anyMatch(s -> s.step().equals("item 1")));
        assertTrue(jobs.active().isEmpty());
    }

    @Test
    void cancelStopsAJobThatChecks() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        JobHandle<Void> handle = jobs.schedule("forever", progress -> {
            started.countDown();
            while (true) {
                progress.checkCancelled();
                Thread.sleep(5);
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertEquals(1, jobs.active().size());

        assertTrue(jobs.cancel(handle.status().id()));

        ExecutionException e = assertThrows(
                ExecutionException.class,
                () -> handle.result()
                        .handle((v, t) -> {
                            throw new IllegalStateException(t);
                        })
                        .get(5, TimeUnit.SECONDS));
        assertInstanceOf(CancellationException.class, e.getCause().getCause());
        assertEquals(JobState.CANCELLED, handle.status().state());
        assertFalse(jobs.cancel(handle.status().id()), "a finished job cannot be cancelled");
    }

    @Test
    void failureIsTheJobsResultAndNamesTheProblem() {
        JobHandle<Void> handle = jobs.schedule("broken", progress -> {
            throw new java.io.IOException("cannot read /no/such/file");
        });

        ExecutionException e =
                assertThrows(ExecutionException.class, () -> handle.result().get(5, TimeUnit.SECONDS));
        assertEquals("cannot read /no/such/file", e.getCause().getMessage());
        assertEquals(JobState.FAILED, handle.status().state());
        assertEquals("cannot read /no/such/file", handle.status().failure());
    }

    @Test
    void brokenListenerDoesNotStopTheJobOrOtherListeners() throws Exception {
        jobs.addListener(status -> {
            throw new IllegalStateException("listener bug");
        });
        jobs.addListener(seen::add);

        assertEquals("ok", jobs.schedule("fine", progress -> "ok").result().get(5, TimeUnit.SECONDS));
        assertEquals(JobState.SUCCEEDED, seen.get(seen.size() - 1).state());
    }

    @Test
    void jobWithoutNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> jobs.schedule(" ", progress -> null));
    }
}

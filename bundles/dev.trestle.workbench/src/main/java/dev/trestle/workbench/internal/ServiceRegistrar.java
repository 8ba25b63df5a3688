package dev.trestle.workbench.internal;

/**
 * Publishes the workbench's own listeners (job progress, project changes) as whiteboard services. In the framework
 * it is the bundle context; a test routes them straight to its fake services.
 */
@FunctionalInterface
interface ServiceRegistrar {
    /** Returns what unregisters the service. */
    <S> Registration register(Class<S> type, S service);

    /** An unregistration that cannot fail in a way the caller could handle. */
    @FunctionalInterface
    interface Registration {
        void unregister();
    }
}

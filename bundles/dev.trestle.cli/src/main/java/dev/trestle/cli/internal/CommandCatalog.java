package dev.trestle.cli.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The Trestle commands registered in the framework: Gogo command services of {@code dev.trestle.*} bundles.
 * Gogo's own commands stay in the shell; the command line offers only ours.
 */
final class CommandCatalog {
    private final Map<String, Map<String, CommandInfo>> byArea = new TreeMap<>();

    CommandCatalog(BundleContext context) {
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(null, "(" + CommandProcessor.COMMAND_SCOPE + "=*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("constant filter", e);
        }
        for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
            if (reference.getBundle() == null
                    || !reference.getBundle().getSymbolicName().startsWith("dev.trestle.")) {
                continue;
            }
            Object service = context.getService(reference);
            try {
                add(reference, service);
            } finally {
                context.ungetService(reference);
            }
        }
    }

    private void add(ServiceReference<?> reference, Object service) {
        String area = String.valueOf(reference.getProperty(CommandProcessor.COMMAND_SCOPE));
        Object functions = reference.getProperty(CommandProcessor.COMMAND_FUNCTION);
        List<String> names = functions instanceof String[] array ? List.of(array) : List.of(String.valueOf(functions));
        for (String name : names) {
            Method method = service == null ? null : publicMethod(service.getClass(), name);
            String description = "";
            List<String> parameters = new ArrayList<>();
            if (method != null) {
                Descriptor descriptor = method.getAnnotation(Descriptor.class);
                description = descriptor == null ? "" : descriptor.value();
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.getType() == CommandSession.class) {
                        continue; // Gogo passes the session itself; the user types nothing for it
                    }
                    Descriptor about = parameter.getAnnotation(Descriptor.class);
                    parameters.add(about == null ? parameter.getName() : about.value());
                }
            }
            byArea.computeIfAbsent(area, a -> new TreeMap<>())
                    .put(name, new CommandInfo(area, name, description, parameters));
        }
    }

    private static Method publicMethod(Class<?> type, String name) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        return null;
    }

    List<String> areas() {
        return List.copyOf(byArea.keySet());
    }

    List<CommandInfo> commands(String area) {
        return List.copyOf(byArea.getOrDefault(area, Map.of()).values());
    }

    Optional<CommandInfo> find(String area, String name) {
        return Optional.ofNullable(byArea.getOrDefault(area, Map.of()).get(name));
    }
}

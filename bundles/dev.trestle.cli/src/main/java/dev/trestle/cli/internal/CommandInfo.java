package dev.trestle.cli.internal;

import java.util.List;

/**
 * One headless command as {@code ./trestle} offers it.
 *
 * @param area the Gogo scope, e.g. {@code project}
 * @param name the Gogo function, e.g. {@code init}
 * @param description from the method's {@code @Descriptor}
 * @param parameters one description per parameter
 */
record CommandInfo(String area, String name, String description, List<String> parameters) {
    String usage() {
        StringBuilder text = new StringBuilder(area).append(' ').append(name);
        for (String parameter : parameters) {
            // "[--json] FILE" is already a usage; "project directory" becomes <project-directory>
            boolean usageForm =
                    parameter.contains("[") || parameter.equals(parameter.toUpperCase(java.util.Locale.ROOT));
            text.append(' ').append(usageForm ? parameter : "<" + parameter.replace(' ', '-') + ">");
        }
        return text.toString();
    }
}

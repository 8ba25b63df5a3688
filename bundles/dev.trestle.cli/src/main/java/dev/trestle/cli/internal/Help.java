package dev.trestle.cli.internal;

import java.util.List;

/** The texts of {@code ./trestle --help} and {@code ./trestle <area> --help}. */
final class Help {
    private Help() {}

    static String overview(CommandCatalog catalog) {
        StringBuilder text = new StringBuilder()
                .append("usage: trestle                      open the workbench on the demo project\n")
                .append("       trestle workbench [DIR]      open the workbench on a project directory\n")
                .append("       trestle edit FILE[:LINE]     open the workbench with FILE at LINE\n")
                .append("       trestle shell                the interactive Gogo shell\n")
                .append("       trestle <area> <command> ... run one command and exit with its status\n")
                .append("       trestle <area> --help        the commands of an area\n")
                .append("       trestle --version\n")
                .append("       trestle test                 build Trestle and run every test\n")
                .append("       trestle server start|status|stop\n")
                .append("                                    a resident Trestle: commands then start no JVM\n")
                .append("exit status: 0 ok, 1 a finding (or failed work), 2 bad usage or input\n\n")
                .append("areas:\n");
        for (String area : catalog.areas()) {
            List<CommandInfo> commands = catalog.commands(area);
            text.append("  ").append(pad(area, 10));
            text.append(String.join(
                            ", ", commands.stream().map(CommandInfo::name).toList()))
                    .append('\n');
        }
        return text.toString();
    }

    static String area(CommandCatalog catalog, String area) {
        StringBuilder text = new StringBuilder("commands of ").append(area).append(":\n");
        List<CommandInfo> commands = catalog.commands(area);
        int width = commands.stream().mapToInt(c -> c.usage().length()).max().orElse(0) + 2;
        for (CommandInfo command : commands) {
            text.append("  ")
                    .append(pad(command.usage(), width))
                    .append(command.description())
                    .append('\n');
        }
        return text.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + "  " : text + " ".repeat(width - text.length());
    }
}

package dev.trestle.make.internal.generate;

import dev.trestle.core.command.JsonText;
import dev.trestle.make.internal.generate.Plan.Unit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code compile_commands.json} for clangd and other tools: one entry per translation unit with absolute paths and
 * the argument vector the build runs (the {@code arguments} form, so no shell quoting can be misread).
 */
final class CompileCommands {
    private CompileCommands() {}

    static final String FILE_NAME = "compile_commands.json";

    static String render(Plan plan, Path src, Path buildDir) {
        CompileLine.Dialect absolute = new CompileLine.Dialect() {
            @Override
            public String src(String relative) {
                return src.resolve(relative).normalize().toString();
            }

            @Override
            public String build(String relative) {
                return buildDir.resolve(relative).normalize().toString();
            }

            @Override
            public String word(String raw) {
                return raw;
            }
        };
        StringBuilder out = new StringBuilder("[");
        String separator = "\n";
        for (Unit unit : plan.units()) {
            List<String> arguments = new ArrayList<>();
            arguments.add(plan.compiler());
            arguments.addAll(CompileLine.arguments(plan, unit, absolute));
            out.append(separator).append("  {\"directory\": ").append(JsonText.quote(buildDir.toString()));
            out.append(",\n   \"file\": ").append(JsonText.quote(absolute.src(unit.source())));
            out.append(",\n   \"output\": ").append(JsonText.quote(absolute.build(unit.object())));
            out.append(",\n   \"arguments\": [");
            for (int i = 0; i < arguments.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(JsonText.quote(arguments.get(i)));
            }
            out.append("]}");
            separator = ",\n";
        }
        return out.append("\n]\n").toString();
    }
}

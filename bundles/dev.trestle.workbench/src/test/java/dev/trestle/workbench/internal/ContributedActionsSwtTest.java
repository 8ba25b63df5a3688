package dev.trestle.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContributedActionsSwtTest {
    @TempDir
    Path temp;

    private record Named(String menuPath, String label, boolean onToolBar) implements ActionContribution {
        Named(String menuPath, String label) {
            this(menuPath, label, true);
        }

        @Override
        public String id() {
            return "test." + label;
        }

        @Override
        public void run(WorkbenchContext context) {}
    }

    @Test
    void eachMenusActionsStandTogetherOnTheToolbarSetApartFromTheNextMenusAndSeldomOnesStayInTheirMenu() {
        try (WorkbenchFixture fixture = WorkbenchFixture.open(
                temp.resolve("state"),
                new Named("Backup", "Back Up"),
                new Named("Build", "Build"),
                new Named("Backup", "Verify"),
                new Named("Trace", "Open Log"),
                new Named("Backup", "Repair", false),
                new Named("Tools", "Seldom", false))) {
            List<String> contributed = new ArrayList<>();
            boolean inContributed = false;
            for (IContributionItem item : fixture.window.getToolBarManager().getItems()) {
                if (item instanceof ActionContributionItem action
                        && String.valueOf(action.getAction().getId()).startsWith("test.")) {
                    inContributed = true;
                    contributed.add(action.getAction().getText());
                } else if (inContributed && item instanceof Separator) {
                    contributed.add("|");
                }
            }
            assertEquals(List.of("Back Up", "Verify", "|", "Build", "|", "Open Log"), contributed);

            MenuManager backup =
                    (MenuManager) fixture.window.getMenuBarManager().find("contributed.Backup");
            List<String> inMenu = new ArrayList<>();
            for (IContributionItem item : backup.getItems()) {
                inMenu.add(((ActionContributionItem) item).getAction().getText());
            }
            assertEquals(List.of("Back Up", "Verify", "Repair"), inMenu, "a command off the toolbar is in its menu");
        }
    }
}

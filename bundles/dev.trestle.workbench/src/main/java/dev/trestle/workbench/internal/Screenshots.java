package dev.trestle.workbench.internal;

import dev.trestle.model.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/** Saves what a window shows as a PNG, for the smoke test and for people reviewing the layout. */
final class Screenshots {
    private Screenshots() {}

    static void save(Shell shell, Path png) throws IOException {
        // copying from the display, not the shell, also captures the menu bar that GTK draws outside the client area
        shell.update();
        Rectangle bounds = shell.getBounds();
        GC gc = new GC(shell.getDisplay());
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            AtomicFiles.write(png, out -> loader.save(out, SWT.IMAGE_PNG));
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}

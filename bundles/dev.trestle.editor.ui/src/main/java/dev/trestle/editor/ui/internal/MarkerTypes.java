package dev.trestle.editor.ui.internal;

import dev.trestle.model.Severity;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationAccess;
import org.eclipse.jface.text.source.IAnnotationAccessExtension;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;

/**
 * The JFace annotation types for the model's severities, and how rulers draw them. There is no Eclipse workbench
 * here to supply marker images, so the ruler paints a coloured dot itself.
 */
// IAnnotationAccess's methods are deprecated in favour of Annotation's own, but the rulers still take an access
@SuppressWarnings("deprecation")
final class MarkerTypes implements IAnnotationAccess, IAnnotationAccessExtension {
    static final String ERROR = "dev.trestle.annotation.error";
    static final String WARNING = "dev.trestle.annotation.warning";
    static final String INFO = "dev.trestle.annotation.info";
    static final String[] ALL = {ERROR, WARNING, INFO};

    static String of(Severity severity) {
        return switch (severity) {
            case ERROR -> ERROR;
            case WARNING -> WARNING;
            case INFO -> INFO;
        };
    }

    static Color color(String type) {
        return switch (type) {
            case ERROR -> new Color(0xe0, 0x20, 0x20);
            case WARNING -> new Color(0xe0, 0xa0, 0x00);
            default -> new Color(0x30, 0x70, 0xd0);
        };
    }

    @Override
    public Object getType(Annotation annotation) {
        return annotation.getType();
    }

    @Override
    public boolean isMultiLine(Annotation annotation) {
        return true;
    }

    @Override
    public boolean isTemporary(Annotation annotation) {
        return !annotation.isPersistent();
    }

    @Override
    public String getTypeLabel(Annotation annotation) {
        return annotation.getType().substring(annotation.getType().lastIndexOf('.') + 1);
    }

    @Override
    public int getLayer(Annotation annotation) {
        return switch (annotation.getType()) {
            case ERROR -> 3;
            case WARNING -> 2;
            default -> 1;
        };
    }

    @Override
    public void paint(Annotation annotation, GC gc, Canvas canvas, Rectangle bounds) {
        int size = Math.min(Math.min(bounds.width, bounds.height), 12) - 2;
        gc.setAntialias(SWT.ON);
        gc.setBackground(color(annotation.getType()));
        gc.fillOval(bounds.x + (bounds.width - size) / 2, bounds.y + 1, size, size);
    }

    @Override
    public boolean isPaintable(Annotation annotation) {
        return annotation.getType().startsWith("dev.trestle.annotation.");
    }

    @Override
    public boolean isSubtype(Object annotationType, Object potentialSupertype) {
        return annotationType.equals(potentialSupertype);
    }

    @Override
    public Object[] getSupertypes(Object annotationType) {
        return new Object[] {annotationType};
    }
}

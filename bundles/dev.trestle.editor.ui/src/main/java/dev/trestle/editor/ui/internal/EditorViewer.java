package dev.trestle.editor.ui.internal;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.text.CursorLinePainter;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.source.AnnotationModel;
import org.eclipse.jface.text.source.AnnotationPainter;
import org.eclipse.jface.text.source.AnnotationRulerColumn;
import org.eclipse.jface.text.source.CompositeRuler;
import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;
import org.eclipse.jface.text.source.ISharedTextColors;
import org.eclipse.jface.text.source.LineNumberRulerColumn;
import org.eclipse.jface.text.source.MatchingCharacterPainter;
import org.eclipse.jface.text.source.OverviewRuler;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;

/**
 * Builds the SourceViewer with its rulers (annotations and line numbers on the left, the overview on the right) and
 * painters (current line, matching bracket, squiggles). Colours are device-less, so nothing here needs disposing.
 */
final class EditorViewer {
    private static final String SQUIGGLE = "dev.trestle.squiggle";
    private static final Color CURRENT_LINE = new Color(0xe8, 0xf2, 0xfe);
    private static final Color BRACKET = new Color(0x80, 0x80, 0x80);
    private static final ISharedTextColors COLORS = new ISharedTextColors() {
        @Override
        public Color getColor(RGB rgb) {
            return new Color(rgb);
        }

        @Override
        public void dispose() {
            // device-less colours hold no OS resource
        }
    };

    private EditorViewer() {}

    static SourceViewer create(Composite parent, Language language, IDocument document, AnnotationModel annotations) {
        return create(parent, new SourceConfiguration(language), language, document, annotations, null);
    }

    /**
     * With {@code configuration} deciding colouring; a document too large to partition (see {@link LargeDocument}) is
     * given none, so everything is of the default content type, and shows only {@code window} (see {@link
     * TextWindow}), with no vertical scroll bar of the widget's own.
     */
    static SourceViewer create(
            Composite parent,
            SourceViewerConfiguration configuration,
            Language language,
            IDocument document,
            AnnotationModel annotations,
            IRegion window) {
        MarkerTypes access = new MarkerTypes();
        CompositeRuler ruler = new CompositeRuler();
        AnnotationRulerColumn annotationColumn = new AnnotationRulerColumn(annotations, 14, access);
        OverviewRuler overview = new OverviewRuler(access, 12, COLORS);
        for (String type : MarkerTypes.ALL) {
            annotationColumn.addAnnotationType(type);
            overview.addAnnotationType(type);
            overview.addHeaderAnnotationType(type);
            overview.setAnnotationTypeColor(type, MarkerTypes.color(type));
            // without a layer the overview ruler silently paints nothing for the type
            overview.setAnnotationTypeLayer(
                    type, access.getLayer(new org.eclipse.jface.text.source.Annotation(type, false, "")));
        }
        ruler.addDecorator(0, annotationColumn);
        LineNumberRulerColumn lineNumbers = new LineNumberRulerColumn();
        lineNumbers.setForeground(new Color(0x90, 0x90, 0x90));
        ruler.addDecorator(1, lineNumbers);

        int scrollBars = window == null ? SWT.V_SCROLL | SWT.H_SCROLL : SWT.H_SCROLL;
        SourceViewer viewer = new SourceViewer(parent, ruler, overview, true, scrollBars | SWT.MULTI);
        viewer.getTextWidget().setFont(JFaceResources.getTextFont());
        // the user's font and colours, now and whenever the preferences change
        Runnable restyle = () -> {
            if (!viewer.getTextWidget().isDisposed()) {
                viewer.getTextWidget().setFont(JFaceResources.getTextFont());
                viewer.invalidateTextPresentation();
            }
        };
        Runnable stopRestyling = EditorSettings.onApply(restyle);
        viewer.getTextWidget().addDisposeListener(e -> stopRestyling.run());
        viewer.configure(configuration);
        if (!(document instanceof LargeDocument)) {
            Partitions.connect(document, language);
        }
        if (window == null) {
            viewer.setDocument(document, annotations);
        } else {
            viewer.setDocument(document, annotations, window.getOffset(), window.getLength());
        }

        CursorLinePainter currentLine = new CursorLinePainter(viewer);
        currentLine.setHighlightColor(CURRENT_LINE);
        viewer.addPainter(currentLine);
        MatchingCharacterPainter brackets = new MatchingCharacterPainter(
                viewer, new DefaultCharacterPairMatcher(new char[] {'(', ')', '[', ']', '{', '}'}));
        brackets.setColor(BRACKET);
        viewer.addPainter(brackets);
        AnnotationPainter squiggles = new AnnotationPainter(viewer, access);
        squiggles.addTextStyleStrategy(SQUIGGLE, new AnnotationPainter.UnderlineStrategy(SWT.UNDERLINE_SQUIGGLE));
        for (String type : MarkerTypes.ALL) {
            squiggles.addAnnotationType(type, SQUIGGLE);
            squiggles.setAnnotationTypeColor(type, MarkerTypes.color(type));
        }
        viewer.addPainter(squiggles);
        return viewer;
    }
}

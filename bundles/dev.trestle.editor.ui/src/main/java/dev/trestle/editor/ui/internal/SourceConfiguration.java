package dev.trestle.editor.ui.internal;

import org.eclipse.jface.text.DefaultIndentLineAutoEditStrategy;
import org.eclipse.jface.text.DefaultTextHover;
import org.eclipse.jface.text.IAutoEditStrategy;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.IUndoManager;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.source.DefaultAnnotationHover;
import org.eclipse.jface.text.source.IAnnotationHover;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewerConfiguration;

/**
 * Colouring, indentation and hovers for one language. There is deliberately no JFace undo manager: undo is the
 * file's persistent {@code EditHistory}, driven by {@link PersistentUndo}.
 */
final class SourceConfiguration extends SourceViewerConfiguration {
    private final Language language;

    SourceConfiguration(Language language) {
        this.language = language;
    }

    @Override
    public String[] getConfiguredContentTypes(ISourceViewer sourceViewer) {
        return Lexers.contentTypes(language);
    }

    @Override
    public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
        PresentationReconciler reconciler = new PresentationReconciler();
        reconciler.setDocumentPartitioning(getConfiguredDocumentPartitioning(sourceViewer));
        for (String type : Lexers.contentTypes(language)) {
            // the damager re-colours from the changed line to where the partition's colouring is unchanged
            DefaultDamagerRepairer damagerRepairer = new DefaultDamagerRepairer(Lexers.forPartition(language, type));
            reconciler.setDamager(damagerRepairer, type);
            reconciler.setRepairer(damagerRepairer, type);
        }
        return reconciler;
    }

    @Override
    public IAutoEditStrategy[] getAutoEditStrategies(ISourceViewer sourceViewer, String contentType) {
        // a new line starts with the previous line's indentation
        return new IAutoEditStrategy[] {new DefaultIndentLineAutoEditStrategy()};
    }

    @Override
    public IUndoManager getUndoManager(ISourceViewer sourceViewer) {
        return null;
    }

    @Override
    public int getTabWidth(ISourceViewer sourceViewer) {
        return language == Language.JAVA ? 4 : 8;
    }

    @Override
    public IAnnotationHover getAnnotationHover(ISourceViewer sourceViewer) {
        return new DefaultAnnotationHover();
    }

    @Override
    public ITextHover getTextHover(ISourceViewer sourceViewer, String contentType) {
        return new DefaultTextHover(sourceViewer);
    }
}

// What the workflow designer needs from the browser that Blazor's events cannot say.

// Text-like fields keep their own Ctrl+Z; a checkbox or a button does not undo anything of its own.
const textField = 'textarea, select, [contenteditable=""], [contenteditable="true"], ' +
    'input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=range]):not([type=color]):not([type=file])';

/**
 * Wheel over the canvas: Blazor listens passively, so it cannot stop Chromium zooming the whole page on Ctrl+wheel
 * (or scrolling it) while the canvas zooms or scrolls itself.
 * Undo and redo: Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z anywhere on the page but in a text field or an open dialog, not
 * only while the canvas has the focus.
 */
export function attach(canvas, designer) {
    // Only over the diagram itself: the problems list beside it scrolls as usual.
    const onWheel = e => {
        if (e.target instanceof Element && e.target.closest('.diagram-canvas')) e.preventDefault();
    };
    const onKeyDown = e => {
        if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
        const key = e.key.toLowerCase();
        const undo = key === 'z' && !e.shiftKey;
        const redo = key === 'y' || (key === 'z' && e.shiftKey);
        if (!undo && !redo) return;
        if (e.target instanceof Element && e.target.closest(textField)) return;
        if (document.querySelector('.mud-dialog-container')) return;
        e.preventDefault();
        designer.invokeMethodAsync(undo ? 'UndoFromKeyboard' : 'RedoFromKeyboard');
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    document.addEventListener('keydown', onKeyDown);
    return {
        detach() {
            canvas.removeEventListener('wheel', onWheel);
            document.removeEventListener('keydown', onKeyDown);
        },
    };
}

// The inbox's keyboard shortcuts. They act only outside text fields and dialogs: "j" or "?" typed in the composer is
// text, and an open dialog owns the keyboard.
let handler = null;

const typing = el => !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
const items = () => [...document.querySelectorAll("[data-testid=conversation-item]")];

function move(step) {
    const list = items();
    if (list.length === 0) return;
    let at = list.indexOf(document.activeElement);
    if (at < 0) at = list.findIndex(i => i.getAttribute("aria-current") === "true");
    const next = list[at < 0 ? 0 : Math.min(list.length - 1, Math.max(0, at + step))];
    next.focus();
    next.scrollIntoView({ block: "nearest" });
}

/** Puts focus back on the conversation list: the open conversation's row, or the first. */
export function focusList() {
    const list = items().filter(i => i.offsetParent !== null);
    const target = list.find(i => i.getAttribute("aria-current") === "true") ?? list[0];
    if (target) target.focus();
    // On a phone the list is another screen: leaving the text field is enough for the next shortcut to work.
    else if (typing(document.activeElement)) document.activeElement.blur();
}

export function start(component) {
    stop();
    handler = e => {
        if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
        if (document.querySelector(".mud-dialog-container")) return;
        if (typing(e.target)) {
            // Escape leaves the composer for the list, so the next conversation is a key away.
            if (e.key === "Escape" && e.target.closest(".inbox-composer")) {
                e.preventDefault();
                focusList();
            }
            return;
        }
        const inList = !!document.activeElement?.closest(".inbox-items");
        switch (e.key) {
            case "j": move(1); break;
            case "k": move(-1); break;
            // Arrows keep scrolling the thread elsewhere; in the list they move between conversations.
            case "ArrowDown": if (!inList) return; move(1); break;
            case "ArrowUp": if (!inList) return; move(-1); break;
            case "r": case "n": case "s": case "c": case "?":
                component.invokeMethodAsync("Pressed", e.key);
                break;
            default: return;
        }
        e.preventDefault();
    };
    document.addEventListener("keydown", handler);
}

export function stop() {
    if (handler) document.removeEventListener("keydown", handler);
    handler = null;
}

// The thread opens at its newest message and follows new ones while the agent reads at the bottom; scrolled up to
// read, it stays put and the component offers a "new messages" pill instead.
const threads = new WeakMap();
const nearBottom = el => el.scrollHeight - el.scrollTop - el.clientHeight < 48;

export function start(el, component) {
    stop(el);
    const thread = { atBottom: true };
    // New content fires no scroll event, so this still says where the agent was before it arrived.
    thread.onScroll = () => {
        const atBottom = nearBottom(el);
        if (atBottom && !thread.atBottom) component.invokeMethodAsync("ReachedBottom");
        thread.atBottom = atBottom;
    };
    el.addEventListener("scroll", thread.onScroll, { passive: true });
    threads.set(el, thread);
    toBottom(el);
}

/** After new entries rendered: follows them when the agent was at the bottom; returns whether it did. */
export function added(el) {
    const thread = threads.get(el);
    if (thread && !thread.atBottom) return false;
    toBottom(el);
    return true;
}

export function toBottom(el) {
    el.scrollTop = el.scrollHeight;
    const thread = threads.get(el);
    if (thread) thread.atBottom = true;
}

export function stop(el) {
    const thread = threads.get(el);
    if (!thread) return;
    el.removeEventListener("scroll", thread.onScroll);
    threads.delete(el);
}

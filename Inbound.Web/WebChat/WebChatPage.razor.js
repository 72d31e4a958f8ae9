// The visitor's id lives in the browser, so a reload (or the next visit) continues the same thread.
export function visitorId() {
    const key = "inbound-visitor";
    let id = localStorage.getItem(key);
    if (!id) {
        id = crypto.randomUUID().replaceAll("-", "");
        localStorage.setItem(key, id);
    }
    return id;
}

export function scrollToEnd(element) {
    if (element) element.scrollTop = element.scrollHeight;
}

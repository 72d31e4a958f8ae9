// The visitor's id lives in the browser, so a reload (or the next visit) continues the same thread.
function visitorId() {
    const key = "inbound-visitor";
    let id = localStorage.getItem(key);
    if (!id) {
        id = crypto.randomUUID().replaceAll("-", "");
        localStorage.setItem(key, id);
    }
    return id;
}

// The visitor's id (the embedding site's, when the chat is framed: storage of a framed page may be blocked or partitioned),
// and what the agent's contact panel shows: the page the visitor came from (the chat page itself when opened directly).
export function visitor(idFromEmbed) {
    return { id: idFromEmbed || visitorId(), page: document.referrer || location.href, userAgent: navigator.userAgent };
}

export function scrollToEnd(element) {
    if (element) element.scrollTop = element.scrollHeight;
}

const storageKey = "inbound-visitor";
const languageKey = "inbound-chat-language";
let parentOrigin = null;

function storedToken() {
    try { return localStorage.getItem(storageKey); } catch { return null; }
}

// Opened directly (not framed): the page keeps the token itself. Framed: the embedding page keeps it (storage of a
// framed page may be blocked or partitioned) and hands it over by postMessage, never in the frame's URL.
export function embed(allowedOrigins, waitMs) {
    const userAgent = navigator.userAgent;
    // The chat speaks the browser's language unless the visitor picked another one with the switch before.
    const languages = navigator.languages && navigator.languages.length > 0 ? [...navigator.languages] : [navigator.language];
    const chosen = storedLanguage();
    if (window.parent === window) {
        return Promise.resolve({ token: storedToken(), page: document.referrer || location.href, userAgent, user: null, languages, chosen });
    }
    return new Promise(resolve => {
        const done = value => {
            window.removeEventListener("message", onMessage);
            clearTimeout(timer);
            resolve(value);
        };
        const onMessage = event => {
            // Only the page that frames us, and only from a site the channel allows, may say who the visitor is.
            if (event.source !== window.parent) return;
            if (allowedOrigins.length > 0 && !allowedOrigins.includes(event.origin)) return;
            const data = event.data;
            if (!data || data.type !== "inbound:visitor") return;
            parentOrigin = event.origin;
            done({
                token: typeof data.token === "string" ? data.token : null,
                page: typeof data.page === "string" ? data.page : document.referrer,
                userAgent,
                languages,
                chosen,
                user: data.user && typeof data.user === "object"
                    ? { userId: String(data.user.id ?? ""), name: data.user.name ?? null, email: data.user.email ?? null, hash: data.user.hash ?? null }
                    : null,
            });
        };
        window.addEventListener("message", onMessage);
        // A page that frames the chat without the embed script never answers: the visitor then starts afresh.
        const timer = setTimeout(() => done({ token: null, page: document.referrer, userAgent, user: null, languages, chosen }), waitMs);
        // Nothing secret in the greeting: any page may learn that the chat is ready.
        window.parent.postMessage({ type: "inbound:ready" }, "*");
    });
}

// The token after rotation goes back where it is kept: to the embedding page (only to the origin that gave us the
// old one), or to this page's own storage.
export function keepToken(token) {
    if (window.parent !== window) {
        if (parentOrigin) window.parent.postMessage({ type: "inbound:token", token }, parentOrigin);
        return;
    }
    try { localStorage.setItem(storageKey, token); } catch { /* private mode: the thread lasts this visit */ }
}

function storedLanguage() {
    try { return localStorage.getItem(languageKey); } catch { return null; }
}

// Screen readers and the browser's fonts and hyphenation follow the page's lang. The embedding page's chat button
// (webchat.js) speaks the same language: it hears of each change (only the origin that framed us does).
export function showLanguage(language) {
    document.documentElement.lang = language;
    if (window.parent !== window && parentOrigin) window.parent.postMessage({ type: "inbound:language", language }, parentOrigin);
}

export function chooseLanguage(language) {
    showLanguage(language);
    try { localStorage.setItem(languageKey, language); } catch { /* private mode: the choice lasts this visit */ }
}

export function scrollToEnd(element) {
    if (element) element.scrollTop = element.scrollHeight;
}

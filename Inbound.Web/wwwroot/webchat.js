/*
 * Inbound web chat: add <script src="https://your-inbound-host/webchat.js" defer></script> to any page.
 * It adds a chat button in the corner that opens the visitor chat in an iframe served by Inbound.
 */
(function () {
    if (window.__inboundWebChat) return;
    window.__inboundWebChat = true;

    var script = document.currentScript;
    if (location.protocol === "file:") {
        // Browsers give a file:// page no origin that a frame-ancestors policy can allow: the chat would show a blocked frame.
        console.warn("Inbound web chat: this page was opened as a file, and the chat can only be embedded in pages served over http(s). " +
            "Serve the page (e.g. python3 -m http.server) and open it from http://localhost.");
    }
    var origin = new URL(script && script.src ? script.src : "/", location.href).origin;
    var key = "inbound-visitor";
    var languageKey = "inbound-chat-language";
    // The button's texts in every language the chat speaks (from the server, GET /webchat/texts), and the one shown.
    var texts = null;
    var language = null;

    // The visitor's token is the key to their thread: it stays in this site's storage and goes to the chat frame by
    // postMessage (to the chat's origin only), never in a URL where logs and referrers would keep it.
    function token() {
        var visitor = localStorage.getItem(key);
        if (!visitor) {
            visitor = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()).replace(/[^a-zA-Z0-9]/g, "");
            localStorage.setItem(key, visitor);
        }
        return visitor;
    }

    // A site whose customers are signed in tells who they are: window.InboundChat = { user: { id, name, email, hash } },
    // hash being HMAC-SHA256 of id keyed by the channel's identity secret, computed on the site's server.
    function user() {
        var settings = window.InboundChat;
        return settings && settings.user ? settings.user : null;
    }

    var style = document.createElement("style");
    style.textContent =
        ".inbound-chat-button{position:fixed;right:20px;bottom:20px;width:56px;height:56px;border-radius:50%;border:0;" +
        "background:#3f51b5;color:#fff;box-shadow:0 4px 12px rgba(0,0,0,.25);cursor:pointer;z-index:2147483000;font-size:26px}" +
        ".inbound-chat-button:focus-visible{outline:3px solid #9fa8da;outline-offset:2px}" +
        ".inbound-chat-frame{position:fixed;right:20px;bottom:88px;width:370px;height:560px;max-height:calc(100vh - 110px);" +
        "max-width:calc(100vw - 40px);border:0;border-radius:12px;box-shadow:0 8px 28px rgba(0,0,0,.25);z-index:2147483000;" +
        "background:#fff;display:none}" +
        ".inbound-chat-frame.open{display:block}";
    document.head.appendChild(style);

    var frame = document.createElement("iframe");
    frame.className = "inbound-chat-frame";
    frame.setAttribute("data-inbound", "webchat");

    window.addEventListener("message", function (event) {
        if (event.source !== frame.contentWindow || event.origin !== origin || !event.data) return;
        if (event.data.type === "inbound:ready") {
            // The page goes along so that the agent sees where the visitor is.
            frame.contentWindow.postMessage({ type: "inbound:visitor", token: token(), page: location.href, user: user() }, origin);
        } else if (event.data.type === "inbound:token" && typeof event.data.token === "string") {
            // The chat rotated the token: the old one opens nothing any more.
            localStorage.setItem(key, event.data.token);
        } else if (event.data.type === "inbound:language" && texts && texts.texts[event.data.language]) {
            // The chat picked its language (the visitor's switch, or an earlier choice): the button follows, now and
            // on the next page of this site.
            language = event.data.language;
            try { localStorage.setItem(languageKey, language); } catch (e) { /* private mode: this page only */ }
            label();
        }
    });

    var button = document.createElement("button");
    button.className = "inbound-chat-button";
    button.type = "button";
    button.setAttribute("aria-expanded", "false");
    button.textContent = "\uD83D\uDCAC";
    button.addEventListener("click", function () {
        // The chat loads on first open, so pages that never open it pay nothing.
        if (!frame.src) frame.src = origin + "/chat";
        var open = frame.classList.toggle("open");
        button.setAttribute("aria-expanded", String(open));
        button.textContent = open ? "\u2715" : "\uD83D\uDCAC";
        label();
    });

    // The visitor's earlier pick on the chat's switch, else the first of the browser's languages the chat speaks.
    function pickLanguage() {
        var stored = null;
        try { stored = localStorage.getItem(languageKey); } catch (e) { /* private mode */ }
        if (stored && texts.texts[stored]) return stored;
        var preferred = navigator.languages && navigator.languages.length > 0 ? navigator.languages : [navigator.language];
        for (var i = 0; i < preferred.length; i++) {
            var primary = String(preferred[i] || "").split("-")[0].toLowerCase();
            if (texts.texts[primary]) return primary;
        }
        return texts.default;
    }

    function label() {
        var t = texts.texts[language];
        var open = frame.classList.contains("open");
        frame.title = t.title;
        button.lang = language;
        button.setAttribute("aria-label", open ? t.closeChat : t.openChat);
    }

    function mount() {
        label();
        document.body.appendChild(frame);
        document.body.appendChild(button);
    }

    // The button shows once it can say what it is, in the visitor's language.
    fetch(origin + "/webchat/texts").then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
    }).then(function (loaded) {
        texts = loaded;
        language = pickLanguage();
        if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
    }).catch(function (error) {
        console.warn("Inbound web chat: could not load its texts from " + origin + "; the chat button stays hidden.", error);
    });
})();

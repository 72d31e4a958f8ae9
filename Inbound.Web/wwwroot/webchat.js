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
    var visitor = localStorage.getItem(key);
    if (!visitor) {
        visitor = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()).replace(/[^a-zA-Z0-9]/g, "");
        localStorage.setItem(key, visitor);
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
    frame.title = "Chat with us";
    frame.setAttribute("data-inbound", "webchat");

    var button = document.createElement("button");
    button.className = "inbound-chat-button";
    button.type = "button";
    button.setAttribute("aria-label", "Open chat");
    button.setAttribute("aria-expanded", "false");
    button.textContent = "\uD83D\uDCAC";
    button.addEventListener("click", function () {
        // The chat loads on first open, so pages that never open it pay nothing.
        // The page goes along so that the agent sees where the visitor is.
        if (!frame.src) frame.src = origin + "/chat?v=" + encodeURIComponent(visitor) + "&page=" + encodeURIComponent(location.href);
        var open = frame.classList.toggle("open");
        button.setAttribute("aria-expanded", String(open));
        button.setAttribute("aria-label", open ? "Close chat" : "Open chat");
        button.textContent = open ? "\u2715" : "\uD83D\uDCAC";
    });

    function mount() {
        document.body.appendChild(frame);
        document.body.appendChild(button);
    }
    if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
